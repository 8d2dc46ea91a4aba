using System.CommandLine;
using System.Globalization;
using System.Text;
using Boundaries.Cli.Infrastructure;
using Boundaries.Viewer.Limits;
using Boundaries.Viewer.Security;

namespace Boundaries.Cli.Commands;

/// <summary>
/// The options of <c>boundaries serve</c> for who may do what (<c>--keys</c>, <c>--jwt-secret-file</c>, <c>--anonymous</c>,
/// <c>--audit</c>) and how much one request may ask (<c>--max-body</c> … <c>--timeout</c>), mapped to
/// <see cref="AccessOptions"/> and <see cref="LimitOptions"/>. Unset options keep those types' defaults.
/// </summary>
internal sealed class ServeAccessOptions
{
    public Option<string?> Keys { get; } = new("--keys") { Description = "API keys file (lines 'name role sha256'; see 'boundaries keys add'); writes then need a key or token / API 密钥文件" };

    public Option<string?> JwtSecretFile { get; } = new("--jwt-secret-file") { Description = "file holding the HS256 key (>= 32 bytes) that signs people's bearer tokens / 令牌签名密钥文件" };

    public Option<string?> Anonymous { get; } = new("--anonymous") { Description = "who may read without credentials: loopback (default), always, never / 匿名读取范围" };

    public Option<string?> Audit { get; } = new("--audit") { Description = "append one JSON line per write (identity, request, status) to this file / 审计日志文件" };

    public Option<string?> MaxBody { get; } = new("--max-body") { Description = "largest request body but batch and imports, e.g. 1M (default 1M) / 请求体上限" };

    public Option<string?> MaxBatchBody { get; } = new("--max-batch-body") { Description = "largest batch lookup body (default 256M) / 批量查询请求体上限" };

    public Option<string?> MaxImportBody { get; } = new("--max-import-body") { Description = "largest uploaded import file (default 512M) / 导入文件大小上限" };

    public Option<string?> MaxImportLine { get; } = new("--max-import-line") { Description = "longest line of an uploaded line-oriented survey file, e.g. 64k (default 1M) / 上传测量文件单行长度上限" };

    public Option<long?> MaxBatchPoints { get; } = new("--max-batch-points") { Description = "most points in one batch lookup (default 2000000) / 批量查询点数上限" };

    public Option<int?> MaxVertices { get; } = new("--max-vertices") { Description = "most vertices in one edited geometry (default 50000) / 编辑几何节点数上限" };

    public Option<int?> MaxJsonDepth { get; } = new("--max-json-depth") { Description = "deepest JSON nesting in a body (default 32) / JSON 嵌套深度上限" };

    public Option<double?> Timeout { get; } = new("--timeout") { Description = "seconds one request may take, then 408 (default 30) / 单次请求时限（秒）" };

    public Option<double?> BatchTimeout { get; } = new("--batch-timeout") { Description = "seconds one batch lookup may take (default 600) / 批量查询时限（秒）" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Keys, JwtSecretFile, Anonymous, Audit, MaxBody, MaxBatchBody, MaxImportBody, MaxImportLine, MaxBatchPoints, MaxVertices, MaxJsonDepth, Timeout, BatchTimeout })
        {
            command.Add(option);
        }
    }

    /// <summary>The access options given; a secret file is read here (its content is never printed).</summary>
    public AccessOptions Access(ParseResult parse, Localizer text)
    {
        var access = AccessOptions.Default with { KeysFile = parse.GetValue(Keys), AuditFile = parse.GetValue(Audit) };
        if (parse.GetValue(JwtSecretFile) is { } secretFile)
        {
            var secret = File.ReadAllText(secretFile).Trim();
            if (Encoding.UTF8.GetByteCount(secret) < 32)
            {
                throw new ArgumentException(text["serve.secret_short", secretFile]);
            }
            access = access with { TokenSigningKey = secret };
        }
        if (parse.GetValue(Anonymous) is { } anonymous)
        {
            access = access with
            {
                Anonymous = anonymous.Trim().ToLowerInvariant() switch
                {
                    "loopback" or "local" => AnonymousAccess.Loopback,
                    "always" or "read" or "all" => AnonymousAccess.Always,
                    "never" or "none" => AnonymousAccess.Never,
                    _ => throw new ArgumentException(text["serve.bad_anonymous", anonymous]),
                },
            };
        }
        return access;
    }

    /// <summary>The limits given, over <see cref="LimitOptions.Default"/>.</summary>
    public LimitOptions Limits(ParseResult parse, Localizer text)
    {
        var limits = LimitOptions.Default;
        if (Size(parse, MaxBody, text) is { } body)
        {
            limits = limits with { MaxRequestBodyBytes = body };
        }
        if (Size(parse, MaxBatchBody, text) is { } batch)
        {
            limits = limits with { MaxBatchBodyBytes = batch };
        }
        if (Size(parse, MaxImportBody, text) is { } import)
        {
            limits = limits with { MaxImportBodyBytes = import };
        }
        if (Size(parse, MaxImportLine, text) is { } line)
        {
            limits = limits with { MaxImportLineBytes = (int)Math.Min(line, int.MaxValue) };
        }
        if (parse.GetValue(MaxBatchPoints) is { } points)
        {
            limits = limits with { MaxBatchPoints = Positive(points, "--max-batch-points", text) };
        }
        if (parse.GetValue(MaxVertices) is { } vertices)
        {
            limits = limits with { MaxEditVertices = (int)Positive(vertices, "--max-vertices", text) };
        }
        if (parse.GetValue(MaxJsonDepth) is { } depth)
        {
            limits = limits with { MaxJsonDepth = (int)Positive(depth, "--max-json-depth", text) };
        }
        if (parse.GetValue(Timeout) is { } seconds)
        {
            limits = limits with { RequestTimeout = Seconds(seconds, "--timeout", text) };
        }
        if (parse.GetValue(BatchTimeout) is { } batchSeconds)
        {
            limits = limits with { BatchTimeout = Seconds(batchSeconds, "--batch-timeout", text) };
        }
        return limits;
    }

    /// <summary>Reads <c>1048576</c>, <c>512k</c>, <c>1M</c>, <c>2G</c> (binary multiples).</summary>
    public static long? ParseSize(string? value)
    {
        var s = value?.Trim() ?? "";
        if (s.Length == 0)
        {
            return null;
        }
        var shift = char.ToLowerInvariant(s[^1]) switch { 'k' => 10, 'm' => 20, 'g' => 30, _ => 0 };
        var digits = shift == 0 ? s : s[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= (long.MaxValue >> shift)
            ? n << shift
            : null;
    }

    private static long? Size(ParseResult parse, Option<string?> option, Localizer text) =>
        parse.GetValue(option) is { } value
            ? ParseSize(value) ?? throw new ArgumentException(text["serve.bad_size", option.Name, value])
            : null;

    private static long Positive(long value, string name, Localizer text) =>
        value > 0 ? value : throw new ArgumentException(text["serve.bad_number", name, value]);

    private static TimeSpan Seconds(double value, string name, Localizer text) =>
        value > 0 && value <= 86_400 && double.IsFinite(value)
            ? TimeSpan.FromSeconds(value)
            : throw new ArgumentException(text["serve.bad_number", name, value]);
}
