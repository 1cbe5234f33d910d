import { CLIENT_ENTITY } from './client';
import type { EntityDef } from './field';
import { GROUP_ENTITY } from './group';

/** What a spreadsheet can bring in: clients, or the groups they are organized in. */
export type EntityName = EntityDef['name'];

/** Every importable entity by name: the wizard, the template and the log pick their fields here. */
export const ENTITIES: Readonly<Record<EntityName, EntityDef>> = { clients: CLIENT_ENTITY, groups: GROUP_ENTITY };
