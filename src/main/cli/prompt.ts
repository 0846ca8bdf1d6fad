// A question on the terminal whose answer is not shown: for a key. The terminal is put in raw mode,
// so nothing typed is echoed, and the answer goes only to the caller (no history, no log).
import { CliError } from './context';

export function promptSecret(question: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (e?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (e) reject(e);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new CliError('Afgebroken; er is niets gedaan.', 130));
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else if (ch >= ' ') answer += ch;
      }
    };
    // Raw mode first: what is typed as soon as the question shows must not be echoed either.
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
    process.stderr.write(question);
  });
}
