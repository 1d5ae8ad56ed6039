/** One benchmark scenario; each scenario file exports a record of them and run.ts lists the records. */
export interface Scenario {
  /** What is measured and against which baseline, in one line. */
  description: string;
  run(): Promise<void>;
}
