/**
 * Reading a new password in the terminal: from stdin (`--password-stdin`, for scripts) or typed twice
 * at a prompt that does not echo it.
 */
import { createInterface } from 'node:readline';

export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += chunk.toString();
  // One trailing newline is how `echo` and files end; the password itself may contain spaces.
  return text.replace(/\r?\n$/, '');
}

export async function promptHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput?: (text: string) => void; output: NodeJS.WritableStream };
  let asked = false;
  output._writeToOutput = (text: string) => {
    if (!asked) output.output.write(text);
  };
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, (answer) => resolve(answer));
      asked = true;
    });
  } finally {
    process.stdout.write('\n');
    rl.close();
  }
}
