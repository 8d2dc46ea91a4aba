using System.CommandLine;
using System.Security.Cryptography;
using Boundaries.Cli.Infrastructure;
using Boundaries.Viewer.Security;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries keys add --keys FILE --role viewer|surveyor|planner|admin --name NAME</c>: makes a new API key (32 random
/// bytes, <c>bk_</c> + base64url), appends <c>name role sha256</c> to the keys file that <c>serve --keys</c> reads, and
/// prints the key once on stdout (the file keeps only its hash). A name already in the file is refused.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var keys = new Option<string>("--keys") { Description = "the keys file (created if missing) / 密钥文件", Required = true };
        var role = new Option<string>("--role") { Description = "viewer, surveyor, planner or admin / 角色", Required = true };
        var name = new Option<string>("--name") { Description = "who holds the key, as the audit log names it (no spaces) / 持有者名称", Required = true };
        var add = new Command("add", "Make an API key and store its hash / 生成 API 密钥并保存其散列") { keys, role, name };
        add.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var (file, holder, roleText) = (p.GetValue(keys)!, p.GetValue(name)!.Trim(), p.GetValue(role)!.Trim());
            if (!Enum.TryParse<AccessRole>(roleText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(roleText, out _))
            {
                throw new ArgumentException(context.Text["keys.bad_role", roleText]);
            }
            if (holder.Length == 0 || holder.Length > 200 || holder.StartsWith('#') || holder.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new ArgumentException(context.Text["keys.bad_name", holder]);
            }
            if (File.Exists(file) && ApiKeyFile.Read(file).Any(k => string.Equals(k.Name, holder, StringComparison.Ordinal)))
            {
                throw new ArgumentException(context.Text["keys.duplicate", holder, file]);
            }
            var key = "bk_" + Base64Url(RandomNumberGenerator.GetBytes(32));
            Append(file, $"{holder} {parsed.ToString().ToLowerInvariant()} {ApiKey.Hash(key)}");
            context.Out.WriteLine(key);
            context.Error.WriteLine(context.Text["keys.added", holder, parsed.ToString().ToLowerInvariant(), file]);
            return ExitCodes.Ok;
        }));
        return new Command("keys", "API keys for systems calling the server / 服务调用方的 API 密钥") { add };
    }

    private static void Append(string file, string line)
    {
        if (!File.Exists(file))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var created = new StreamWriter(new FileStream(file, options));
            created.Write("# boundaries API keys: name role sha256(key); the keys themselves are not stored\n");
        }
        var existing = File.ReadAllText(file);
        File.AppendAllText(file, (existing.Length > 0 && !existing.EndsWith('\n') ? "\n" : "") + line + "\n");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
