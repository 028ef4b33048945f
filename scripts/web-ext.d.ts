// The part of web-ext's programmatic API the scripts use (web-ext ships no types).
declare module 'web-ext' {
  export interface LintMessage {
    code: string;
    message: string;
    description: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LintResult {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  interface RunOptions {
    shouldExitProgram: false;
  }
  const webExt: {
    cmd: {
      lint(params: { sourceDir: string; output: 'none' }, options: RunOptions): Promise<LintResult>;
      build(
        params: { sourceDir: string; artifactsDir: string; filename: string; overwriteDest: boolean },
        options: RunOptions,
      ): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}
