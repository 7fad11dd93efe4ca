/** A fenced code block of a markdown file, where it starts and what it says. */
export interface CodeBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The fence's info string (`sh`, `ts`, or empty). */
  lang: string;
  text: string;
}

/** One shell command of a block: continuation lines joined, comment-only lines dropped. */
export interface ShellCommand {
  line: number;
  text: string;
}

const FENCE = /^(```+|~~~+)\s*([\w-]*)/;

export function extractBlocks(markdown: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index] ?? "");
    if (!open) continue;
    const fence = open[1] as string;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !(lines[end] ?? "").startsWith(fence)) body.push(lines[end++] ?? "");
    if (end === lines.length) throw new Error(`${file}:${index + 1}: code block is never closed`);
    blocks.push({ file, line: index + 1, lang: open[2] ?? "", text: body.join("\n") });
    index = end;
  }
  return blocks;
}

export function splitCommands(block: CodeBlock): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const lines = block.text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const first = index;
    let text = lines[index] ?? "";
    while (text.endsWith("\\") && index + 1 < lines.length)
      text = `${text.slice(0, -1)} ${lines[++index]?.trim()}`;
    if (text.trim() === "" || text.trim().startsWith("#")) continue;
    commands.push({ line: block.line + 1 + first, text: text.trim() });
  }
  return commands;
}

/** `a && b && c` as its parts: each is judged on its own (one may be run, another only checked). */
export function splitAnd(command: ShellCommand): ShellCommand[] {
  const withoutComment = command.text.replace(/\s+#\s.*$/, "");
  return withoutComment.split(/\s+&&\s+/).map((text) => ({ line: command.line, text }));
}
