import type { types } from '@slack/bolt';

// @slack/types is Bolt's own dependency, not ours: reach its Block Kit types through Bolt's re-export.
export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ImageBlock = types.ImageBlock;
export type DividerBlock = types.DividerBlock;
export type ActionsBlock = types.ActionsBlock;
export type ContextBlock = types.ContextBlock;
export type Button = types.Button;
export type HomeView = types.HomeView;
export type ContextActionsBlock = types.ContextActionsBlock;
