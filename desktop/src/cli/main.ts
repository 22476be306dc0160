import { Command, CommanderError, Option } from 'commander';
import { exitCodeFor, exitHelp, printError } from './cli.output';
import { registerStoreCommands } from './commands/store.commands';
import { registerMovementCommands } from './commands/movements.commands';
import { registerSyncCommands } from './commands/sync.commands';
import { registerBillCommands } from './commands/bills.commands';
import { registerPurchaseCommands } from './commands/purchases.commands';
import { registerTransferCommands } from './commands/transfers.commands';
import { registerCreditCommands } from './commands/credit.commands';
import { cliT } from './cli.i18n';

export function buildProgram(): Command {
  const program = new Command('bazaar-store')
    .description(cliT.t('cli.help.program'))
    .option('--db <path>', cliT.t('cli.help.db'))
    .option('--json', cliT.t('cli.help.json'))
    .option('--user <username>', cliT.t('cli.help.user'))
    .addOption(new Option('--pin <pin>', cliT.t('cli.help.pin')))
    .addHelpText('after', exitHelp)
    .showHelpAfterError(cliT.t('cli.help.afterError'))
    .exitOverride();
  registerStoreCommands(program);
  registerMovementCommands(program);
  registerBillCommands(program);
  registerPurchaseCommands(program);
  registerTransferCommands(program);
  registerCreditCommands(program);
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
