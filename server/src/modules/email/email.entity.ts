import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from '../../db/tenant-filter.ts';

/** Every e-mail the platform sends, kept as an outbox: readable by staff and by the e2e suite. */
export const EmailMessageSchema = defineEntity({
  name: 'EmailMessage',
  properties: {
    id: idProperty(),
    to: p.string().length(254).index(),
    subject: p.string().length(300),
    text: p.text(),
    html: p.text().nullable(),
    kind: p.string().length(40),
    status: p.enum(['queued', 'sent', 'outbox', 'failed'] as const),
    error: p.string().length(500).nullable(),
    createdAt: createdAtProperty().index(),
    sentAt: p.datetime().nullable(),
  },
});
export class EmailMessage extends EmailMessageSchema.class {}
EmailMessageSchema.setClass(EmailMessage);
