import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { ensureFerretdbBinary } from '../embedded/ferretdb-binary';
import { AppError } from '../errors/app-errors';
import { ROLES, type Role } from '../models/user/user.model';
import { withContainer } from './database-session';
import { registerUploadCommand } from './upload/upload-command';
import { reindex } from './reindex/reindex';
import { progressBars } from './reindex/reindex-progress';

/**
 * `npm run hub -- <command>`: operator commands. Configuration comes from the
 * same environment variables as the hub.
 */
const program = new Command('hub').description(
  '山西社区教育数字化学习港 命令行 / learning-port command line',
);

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
};

const token = program.command('token').description('个人访问令牌 / personal access tokens');
token
  .command('create')
  .description('为用户签发令牌并打印（只显示一次）/ issue a token for a user and print it once')
  .requiredOption('--user <username>', '用户名 / username')
  .option('--name <name>', '令牌名称 / token name', 'cli')
  .option('--expires-days <days>', '有效天数 / days until expiry', positiveInt)
  .action(async (opts: { user: string; name: string; expiresDays?: number }) => {
    await withContainer(loadConfig(), async (c) => {
      const user = await c.repos.users.findByUsername(opts.user);
      if (!user) throw new Error(`no user named ${opts.user}`);
      const issued = await c.services.credentials.issuePersonalToken('system', {
        userId: user._id,
        name: opts.name,
        expiresInDays: opts.expiresDays,
      });
      console.error(
        `已为 ${user.displayName} 签发令牌（请妥善保存，只显示这一次）/ token issued for ${user.username} (shown once):`,
      );
      console.log(issued.secret);
    });
  });
token
  .command('revoke')
  .description('撤销凭证（令牌或 API 密钥）/ revoke a token or API key by its prefix')
  .argument('<prefix>', '凭证前缀，如 sxlp_pat_AbCd / the credential prefix')
  .action(async (prefix: string) => {
    await withContainer(loadConfig(), async (c) => {
      const found = await c.models.Credential.find({ prefix }).lean();
      if (found.length !== 1)
        throw new Error(
          found.length ? `prefix ${prefix} is ambiguous` : `no credential with prefix ${prefix}`,
        );
      await c.services.credentials.revoke('system', found[0]._id);
      console.log(`revoked ${found[0].kind} ${found[0].name} (${prefix})`);
    });
  });

program
  .command('apikey')
  .description('门户 API 密钥 / portal API keys')
  .command('create')
  .description('为单位签发门户 API 密钥 / issue a portal API key for a unit')
  .requiredOption('--unit <code>', '单位代码 / unit division code')
  .requiredOption('--name <name>', '名称 / name')
  .option('--scope <scope>', 'PUBLIC 或 UNIT', 'PUBLIC')
  .option('--origin <origin...>', '允许的浏览器来源 / allowed origins')
  .action(async (opts: { unit: string; name: string; scope: string; origin?: string[] }) => {
    if (opts.scope !== 'PUBLIC' && opts.scope !== 'UNIT')
      throw new InvalidArgumentError('--scope must be PUBLIC or UNIT');
    await withContainer(loadConfig(), async (c) => {
      const unit = await c.services.orgUnits.getByCode(opts.unit);
      const issued = await c.services.credentials.issueApiKey('system', {
        unitId: unit._id,
        name: opts.name,
        scope: opts.scope as 'PUBLIC' | 'UNIT',
        allowedOrigins: opts.origin,
      });
      console.error(
        `已为 ${unit.name} 签发 API 密钥（只显示这一次）/ API key issued (shown once):`,
      );
      console.log(issued.secret);
    });
  });

program
  .command('user')
  .description('用户 / people')
  .command('create')
  .description('在单位下创建用户 / create a user in a unit')
  .requiredOption('--username <username>', '登录名 / username')
  .requiredOption('--name <displayName>', '显示名称 / display name')
  .requiredOption('--unit <code>', '单位代码 / unit division code')
  .requiredOption('--roles <roles>', `角色，逗号分隔 / comma-separated roles (${ROLES.join(', ')})`)
  .action(async (opts: { username: string; name: string; unit: string; roles: string }) => {
    const roles = opts.roles.split(',').map((r) => r.trim().toUpperCase());
    const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (bad.length) throw new InvalidArgumentError(`unknown roles: ${bad.join(', ')}`);
    await withContainer(loadConfig(), async (c) => {
      const unit = await c.services.orgUnits.getByCode(opts.unit);
      const user = await c.repos.users.create({
        username: opts.username,
        displayName: opts.name,
        unitId: unit._id,
        roles: roles as Role[],
      });
      console.log(`created ${user.username} in ${unit.name} with roles ${user.roles.join(', ')}`);
    });
  });

program
  .command('services')
  .description('内嵌服务 / embedded services')
  .command('build')
  .description(
    '用 Go 构建内嵌 FerretDB（每台机器一次）/ build the embedded FerretDB with Go (once per machine)',
  )
  .action(() => {
    console.log(ensureFerretdbBinary((m) => console.error(m)));
  });

program
  .command('reindex')
  .description(
    '从数据库重建搜索索引（带进度条）/ rebuild the search index from the database, with progress',
  )
  .action(async () => {
    const config = loadConfig();
    await withContainer(config, async (c) => {
      const bars = progressBars();
      const report = await reindex(config, c, bars.update).finally(() => bars.stop());
      console.log(
        `已重建索引 / reindexed: ${report.reindexed} documents, removed ${report.removed} orphaned entries in ${report.durationMs} ms`,
      );
    });
  });

registerUploadCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof AppError) console.error(`${err.code}: ${err.message}`);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
