/** Open streams of this node: counted for metrics, ended all at once on shutdown. */
export interface SseClients {
  count: number;
  closing: boolean;
  readonly wakers: Set<() => void>;
}
