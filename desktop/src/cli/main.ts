import { Command, CommanderError, Option } from 'commander';
import { EXIT_HELP, exitCodeFor, printError } from './cli.output';
import { registerStoreCommands } from './commands/store.commands';
import { registerMovementCommands } from './commands/movements.commands';
import { registerSyncCommands } from './commands/sync.commands';

export function buildProgram(): Command {
  const program = new Command('bazaar-store')
    .description('Bazaar Inventory store tool: the offline store database, from the command line')
    .option('--db <path>', 'store database file (default: $BAZAAR_STORE_DB or ./bazaar-store.db)')
    .option('--json', 'machine-readable JSON output')
    .option('--user <username>', 'sign in as this user for the command (or BAZAAR_USER)')
    .addOption(new Option('--pin <pin>', 'PIN of --user (or BAZAAR_PIN)'))
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerStoreCommands(program);
  registerMovementCommands(program);
  registerSyncCommands(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  // `pnpm store -- …` forwards the separator itself.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const program = buildProgram();
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not failures; commander already printed the usage problem.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    printError(err, args.includes('--json'));
    return exitCodeFor(err);
  }
}

process.exitCode = await main(process.argv.slice(2));
