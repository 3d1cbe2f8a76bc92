export type MessageParams = Record<string, string | number | string[] | number[] | null | undefined>;
export type MessageTemplate = (params: MessageParams) => string;
