import { PLAN_IDS, type PlanLimits } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';

/** Staff's changes to a plan (name, displayed price, limits) over the defaults in shared. */
export const PlanSettingSchema = defineEntity({
  name: 'PlanSetting',
  properties: {
    id: p.enum(PLAN_IDS).primary(),
    name: p.string().length(40),
    priceBrlCents: p.integer(),
    limits: p.json<PlanLimits>(),
    updatedBy: p.string().length(254),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class PlanSetting extends PlanSettingSchema.class {}
PlanSettingSchema.setClass(PlanSetting);
