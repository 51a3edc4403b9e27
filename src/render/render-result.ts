/** What a renderer hands to the outbox: bodies to send in order, and whether text was cut. */
export interface RenderResult {
  messages: string[];
  truncated: boolean;
}
