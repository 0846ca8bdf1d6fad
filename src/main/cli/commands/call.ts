// `call METHOD [JSON]`: invokes any API method with the same validation as the app and prints its
// Result as JSON (for scripts and support). JSON "-" reads the input from stdin. Exit code 1 when
// the result is not ok, so scripts can test it.
import type { Command } from 'commander';
import type { CliContext } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('call')
    .description('Roep een API-methode aan met JSON-invoer en toon het resultaat als JSON')
    .argument('<method>', 'de methode, bijvoorbeeld incidents.list')
    .argument('[json]', 'de invoer als JSON (standaard {}; "-" leest van stdin)', '{}')
    .action(async (method: string, json: string) => {
      const text = json === '-' ? ctx.readStdin() : json;
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        ctx.json({ ok: false, error: { code: 'VALIDATIE', message: 'De invoer is geen geldige JSON. Controleer de aanhalingstekens en haakjes, bijvoorbeeld: {"limit": 10}' } });
        ctx.exitCode = 1;
        return;
      }
      const core = ctx.openCore();
      try {
        const result = await core.invoke(method, input);
        ctx.json(result);
        if (!result.ok) ctx.exitCode = 1;
      } finally {
        core.close();
      }
    });
}
