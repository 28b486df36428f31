import { mergeMessages } from './define.ts';
import { messageAreas, type Messages } from './nl.ts';

/** English UI texts (the second language). Number and date formats stay Dutch in both. */
export const en: Messages = mergeMessages(messageAreas, 'en');
