import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { keepServingThroughStrayErrors } from '../../src/slack/last-resort.js';
import { createLogger } from '../../src/slack/logger.js';

function setUp(options: { maxErrors?: number } = {}) {
  const target = new EventEmitter();
  const lines: string[] = [];
  const exits: number[] = [];
  let clock = 0;
  const remove = keepServingThroughStrayErrors({
    logger: createLogger('info', { write: (line) => lines.push(line) }),
    target: target as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
    exit: (code) => exits.push(code),
    now: () => clock,
    windowMs: 1000,
    ...options,
  });
  return { target, lines, exits, remove, advance: (ms: number) => (clock += ms) };
}

describe('keepServingThroughStrayErrors', () => {
  it('logs an uncaught exception with its detail and keeps the process', () => {
    const { target, lines, exits } = setUp();
    target.emit('uncaughtException', new TypeError("Cannot read properties of null (reading 'ssl_check')"));
    expect(lines.join('')).toContain(
      "Uncaught exception (kept serving; this is a bug, please report it): TypeError: Cannot read properties of null (reading 'ssl_check')",
    );
    expect(lines.join('')).toMatch(/at .*last-resort\.test\.ts/);
    expect(exits).toEqual([]);
  });

  it('logs an unhandled rejection, whatever was rejected', () => {
    const { target, lines, exits } = setUp();
    target.emit('unhandledRejection', { reason: 'not an Error' }, Promise.resolve());
    expect(lines.join('')).toContain(
      'Unhandled promise rejection (kept serving; this is a bug, please report it): {"reason":"not an Error"}',
    );
    expect(exits).toEqual([]);
  });

  it('exits with 1 when stray errors come in a burst, not when they are spread out', () => {
    const { target, exits, advance } = setUp({ maxErrors: 3 });
    for (let i = 0; i < 6; i += 1) {
      target.emit('uncaughtException', new Error(`spread ${i}`));
      advance(400);
    }
    expect(exits).toEqual([]);
    advance(1000);
    for (let i = 0; i < 3; i += 1) target.emit('uncaughtException', new Error(`burst ${i}`));
    expect(exits).toEqual([]);
    for (let i = 3; i < 6; i += 1) target.emit('uncaughtException', new Error(`burst ${i}`));
    expect(exits).toEqual([1]);
  });

  it('removes its listeners when asked', () => {
    const { target, remove } = setUp();
    remove();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });
});
