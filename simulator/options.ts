/** Everything the simulator can be told at start-up; env.ts maps SIMULATOR_* onto it. */
export interface SimulatorOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  apiKey: string;
  /** Seeds the history generator: same seed, same history. */
  seed: number;
  /** How long a new run takes from pending to terminal. */
  runSeconds: number;
  /** Starting balance in USD. */
  credits: number;
  /** Requests per minute per API key; 0 disables the limit. */
  rateLimitPerMinute: number;
  webhookSecret: string;
  /** Origin used in media and poll URLs; defaults to http://<host>:<port>. */
  publicUrl?: string;
  /**
   * Set by `npm start` to a random value it also gives the dashboard, so the dashboard can
   * prove that its upstream is the simulator started for it (demo mode); see /_sim/instance.
   */
  instanceId?: string;
  /** Injectable clock (unix ms) so tests can freeze time. */
  now?: () => number;
}

export interface RunningSimulator {
  origin: string;
  /** origin + "/api/v1", what the SDK takes as baseURL. */
  baseURL: string;
  options: SimulatorOptions;
  close(): Promise<void>;
}

export const DEFAULT_OPTIONS: SimulatorOptions = {
  host: "127.0.0.1",
  port: 4010,
  apiKey: "sk_test_simulator",
  seed: 42,
  runSeconds: 6,
  credits: 250,
  rateLimitPerMinute: 600,
  webhookSecret: "whsec_simulator_secret",
};

/** 1 FLORA credit is billed as one US cent (our guess; FLORA does not publish a rate). */
export const USD_PER_CREDIT = 0.01;

export const API_PREFIX = "/api/v1";
