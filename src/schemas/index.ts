export { personSchema, type Person } from './people.ts';
export { teamSchema, type Team } from './teams.ts';
export { streamSchema, type Stream } from './streams.ts';
export { assetSchema, type Asset } from './assets.ts';
export { phaseSchema, type Phase } from './phases.ts';
export { councilSchema, type CouncilMinutes } from './council.ts';
export { handbookSchema, type HandbookPage } from './handbook.ts';
