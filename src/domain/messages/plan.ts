import type { MessageTemplate } from './index';

/** Messages of the convention-text reader (src/plan-text). */
export const planMessages: Record<string, MessageTemplate> = {};
