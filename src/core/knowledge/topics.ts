/** People-facing labels for the topic ids the knowledge base uses; the console and Slack show these. */
export const TOPIC_LABELS: Readonly<Record<string, string>> = Object.freeze({
  display: '备案号展示 / Display',
  cancellation: '注销 / Cancellation',
  validity: '有效期 / Validity',
  'after-filing': '备案成功后 / After filing',
  certificates: '备案证书 / Certificates',
  'shell-sites': '空壳网站 / Shell sites',
  'shell-entities': '空壳主体 / Shell entities',
});

/** The label for a topic id; an unknown topic shows as its id. */
export function labelTopic(topic: string): string {
  return Object.hasOwn(TOPIC_LABELS, topic) ? (TOPIC_LABELS[topic] ?? topic) : topic;
}
