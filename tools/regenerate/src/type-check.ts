// Re-type-checks the packages that read the generated sources, incrementally: one long-lived builder program per
// package (TypeScript's semantic-diagnostics builder), source files reused unless their mtime moved, and every
// workspace import read from the package's src/ (a `paths` entry per `exports` entry) instead of its built dist/.
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import type * as ts from "typescript";

// through require, for the reason types-output.ts gives
const typescript = createRequire(import.meta.url)("typescript") as typeof ts;

import type { WorkspacePackage } from "./workspace.js";

export interface TypeError {
  /** `packages/client/src/create-client.ts:12:5`: the call site. */
  at: string;
  code: number;
  message: string;
  /** The source line the error points at, trimmed. */
  line: string;
}

export interface TypeCheckResult {
  errors: TypeError[];
  packages: number;
  ms: number;
}

const key = (error: TypeError) => `${error.at} TS${error.code} ${error.message}`;

function toTypeError(root: string, diagnostic: ts.Diagnostic): TypeError {
  const message = typescript.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (!diagnostic.file || diagnostic.start === undefined)
    return { at: "(options)", code: diagnostic.code, message, line: "" };
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const source = diagnostic.file.text.split("\n")[line] ?? "";
  return {
    at: `${relative(root, diagnostic.file.fileName)}:${line + 1}:${character + 1}`,
    code: diagnostic.code,
    message,
    line: source.trim(),
  };
}

/** Reads a package's tsconfig.json with the workspace's sources mapped in. */
function parseConfig(
  pkg: WorkspacePackage,
  root: string,
  paths: Record<string, string[]>,
): ts.ParsedCommandLine {
  const configHost: ts.ParseConfigFileHost = {
    ...typescript.sys,
    onUnRecoverableConfigFileDiagnostic: () => {},
  };
  const parsed = typescript.getParsedCommandLineOfConfigFile(
    join(pkg.dir, "tsconfig.json"),
    // the other packages' sources lie outside this package's rootDir; nothing is emitted
    { noEmit: true, rootDir: root, paths, incremental: false },
    configHost,
  );
  if (!parsed) throw new Error(`${relative(root, pkg.dir)}/tsconfig.json could not be read`);
  return parsed;
}

/** The options that decide how a file is checked: packages that agree on them share one program. */
const optionsKey = ({ configFilePath: _path, ...options }: ts.CompilerOptions) => JSON.stringify(options);

/**
 * One program over the files of every package with the same options (each shared file is checked once, not once
 * per package that imports it), kept between checks.
 */
class SharedProgram {
  private builder: ts.SemanticDiagnosticsBuilderProgram | undefined;
  private readonly cache = new Map<string, { mtimeMs: number; file: ts.SourceFile }>();
  private readonly host: ts.CompilerHost;

  constructor(
    private readonly priority: (fileName: string) => number,
    private readonly fileNames: string[],
    private readonly options: ts.CompilerOptions,
    private readonly configErrors: ts.Diagnostic[],
  ) {
    const host = typescript.createIncrementalCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      let mtimeMs: number;
      try {
        mtimeMs = statSync(fileName).mtimeMs;
      } catch {
        return undefined;
      }
      const cached = this.cache.get(fileName);
      if (cached && cached.mtimeMs === mtimeMs) return cached.file;
      const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (file) this.cache.set(fileName, { mtimeMs, file });
      return file;
    };
    this.host = host;
  }

  /**
   * Re-checks what the edits since the last check affect, file by file, handing each affected file's diagnostics
   * to `onFile` as soon as it is checked; returns every diagnostic of the program.
   */
  check(onFile: (diagnostics: readonly ts.Diagnostic[]) => void): readonly ts.Diagnostic[] {
    this.builder = typescript.createSemanticDiagnosticsBuilderProgram(
      this.fileNames,
      this.options,
      this.host,
      this.builder,
      this.configErrors,
    );
    const builder = this.builder;
    const global = [
      ...builder.getConfigFileParsingDiagnostics(),
      ...builder.getOptionsDiagnostics(),
      ...builder.getGlobalDiagnostics(),
      ...builder.getSyntacticDiagnostics(),
    ];
    onFile(global);
    // the builder lists only the edited files as affected and drops the cached results of their dependents: drain
    // that list, then check file by file, the files nearest the generated sources first
    while (builder.getSemanticDiagnosticsOfNextAffectedFile()) {}
    const files = builder
      .getSourceFiles()
      .filter((file) => !file.fileName.includes("/node_modules/"))
      .sort((a, b) => this.priority(a.fileName) - this.priority(b.fileName));
    for (const file of files) onFile(builder.getSemanticDiagnostics(file));
    return [...global, ...builder.getSemanticDiagnostics()];
  }
}

export interface TypeCheck {
  /**
   * Checks every package again. `onFresh` gets each error the previous check did not have as soon as its file is
   * checked (the files nearest the generated sources first); the result lists them all.
   */
  run(onFresh?: (error: TypeError) => void): TypeCheckResult & { fresh: TypeError[]; gone: number };
}

export function createTypeCheck(
  root: string,
  packages: WorkspacePackage[],
  all: WorkspacePackage[],
  generated: string[] = [],
): TypeCheck {
  const generatedDirs = all.filter((pkg) => generated.includes(pkg.name)).map((pkg) => `${pkg.dir}/`);
  const priority = (fileName: string) => (generatedDirs.some((dir) => fileName.startsWith(dir)) ? 0 : 1);
  const paths: Record<string, string[]> = {};
  for (const pkg of all)
    for (const [specifier, source] of Object.entries(pkg.sources)) paths[specifier] = [source];
  const groups = new Map<
    string,
    { options: ts.CompilerOptions; files: Set<string>; errors: ts.Diagnostic[] }
  >();
  // the generated packages first, then their dependents: the errors nearest the edit are found first
  const ordered = [...packages].sort(
    (a, b) => Number(!generated.includes(a.name)) - Number(!generated.includes(b.name)),
  );
  for (const pkg of ordered) {
    try {
      if (!statSync(join(pkg.dir, "tsconfig.json")).isFile()) continue;
    } catch {
      continue;
    }
    const parsed = parseConfig(pkg, root, paths);
    const group = groups.get(optionsKey(parsed.options)) ?? {
      options: parsed.options,
      files: new Set(),
      errors: [],
    };
    for (const file of parsed.fileNames) group.files.add(file);
    group.errors.push(...parsed.errors);
    groups.set(optionsKey(parsed.options), group);
  }
  const programs = [...groups.values()].map(
    ({ options, files, errors }) => new SharedProgram(priority, [...files], options, errors),
  );
  const checked = packages.length;
  let previous = new Set<string>();
  return {
    run(onFresh = () => {}) {
      const started = performance.now();
      const fresh = new Map<string, TypeError>();
      const errorsOf = (diagnostics: readonly ts.Diagnostic[]) =>
        diagnostics
          .filter((diagnostic) => diagnostic.category === typescript.DiagnosticCategory.Error)
          .map((diagnostic) => toTypeError(root, diagnostic));
      const seen = new Map<string, TypeError>();
      for (const program of programs) {
        const all = program.check((diagnostics) => {
          for (const error of errorsOf(diagnostics))
            if (!previous.has(key(error)) && !fresh.has(key(error))) {
              fresh.set(key(error), error);
              onFresh(error);
            }
        });
        for (const error of errorsOf(all)) seen.set(key(error), error);
      }
      const errors = [...seen.values()];
      const gone = [...previous].filter((entry) => !seen.has(entry)).length;
      previous = new Set(seen.keys());
      return {
        errors,
        fresh: [...fresh.values()].filter((error) => seen.has(key(error))),
        gone,
        packages: checked,
        ms: Math.round(performance.now() - started),
      };
    },
  };
}

export function formatTypeError(error: TypeError): string {
  return `${error.at} error TS${error.code}: ${error.message}${error.line ? `\n    ${error.line}` : ""}`;
}
