/** Where the live projector runs: inside the API (default) or as its own process (`npm run projector`). */
export interface ProjectorConfig {
  readonly mode: 'in-process' | 'external';
  /**
   * How long a batch of live events waits for more before it is written (the Projector's default,
   * 10 ms, unless set). A bulk writer's own app (the demo generator's) waits longer: its appends
   * then reach each read model in a few large transactions rather than one small one apiece.
   */
  readonly lingerMs?: number;
}

export class ProjectorConfigError extends Error {}

export function loadProjectorConfig(env: NodeJS.ProcessEnv): ProjectorConfig {
  const mode = env.PROJECTOR?.trim() || 'in-process';
  if (mode !== 'in-process' && mode !== 'external') {
    throw new ProjectorConfigError(`PROJECTOR must be in-process or external, got "${mode}"`);
  }
  return { mode };
}
