using System.Text;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>A <c>#r "nuget: Id, Version"</c> directive.</summary>
internal sealed record PackageDirective(string Id, string Version, SourcePosition Position);

/// <summary>One <c>#r</c> or <c>#load</c> line: its kind (<c>r</c> or <c>load</c>), the quoted text and where it stands.</summary>
internal sealed record DirectiveLine(string Kind, string Value, SourcePosition Position);

/// <summary>A <c>#r "path.dll"</c> directive, with the path made absolute against the file it stands in.</summary>
internal sealed record AssemblyDirective(string Path, SourcePosition Position);

/// <summary>The directives of a script and of every file it loads, and the problems found reading them.</summary>
/// <param name="Files">The script and the files it loads, in the order read, as full paths.</param>
/// <param name="Packages">The <c>#r "nuget: …"</c> directives.</param>
/// <param name="Assemblies">The <c>#r "path.dll"</c> directives.</param>
/// <param name="Errors">Problems with the directives.</param>
internal sealed record ScriptDirectiveSet(
    IReadOnlyList<string> Files,
    IReadOnlyList<PackageDirective> Packages,
    IReadOnlyList<AssemblyDirective> Assemblies,
    IReadOnlyList<string> Errors)
{
    /// <summary>
    /// The bytes of each file of <see cref="Files"/> as read: the compiler compiles exactly these, and the cache of
    /// compiled scripts keys on them, so a file changed in between cannot make a cache entry stale.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> Sources { get; init; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);
}

/// <summary>
/// Reads the <c>#r</c> and <c>#load</c> directives at the top of a script and, recursively, of the files it
/// loads, without the compiler: what the runner must resolve before compiling, and what a cache of compiled
/// scripts must key on.
/// </summary>
/// <remarks>
/// As in C# scripts, directives stand before the first line of code; blank lines, comments, <c>#!</c> and
/// other preprocessor lines may come between them. A <c>#load</c> path is relative to the file it stands in.
/// </remarks>
internal static class ScriptDirectives
{
    private const string NuGetPrefix = "nuget:";

    /// <summary>Reads the directives of the script at <paramref name="scriptPath"/> (absolute).</summary>
    /// <param name="scriptPath">The script's full path.</param>
    /// <param name="scriptBytes">The script's bytes when the caller has read it already; else it is read here.</param>
    /// <param name="scriptText">The text of <paramref name="scriptBytes"/>, decoded; else it is decoded here.</param>
    /// <exception cref="IOException">The script itself cannot be read.</exception>
    public static ScriptDirectiveSet Read(string scriptPath, byte[]? scriptBytes = null, string? scriptText = null)
    {
        var files = new List<string>();
        var packages = new List<PackageDirective>();
        var assemblies = new List<AssemblyDirective>();
        var errors = new List<string>();
        var sources = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var pending = new Queue<string>([scriptPath]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { scriptPath };
        var first = true;
        while (pending.TryDequeue(out var file))
        {
            byte[] bytes;
            string? text = null;
            try
            {
                if (first && scriptBytes is not null)
                {
                    bytes = scriptBytes;
                    text = scriptText;
                }
                else
                {
                    bytes = File.ReadAllBytes(file);
                }
            }
            catch (Exception e) when (!first && e is IOException or UnauthorizedAccessException)
            {
                continue; // The compiler reports a #load it cannot open, at the directive.
            }

            first = false;
            files.Add(file);
            sources[file] = bytes;
            foreach (var (kind, value, position) in Scan(file, text ?? Decode(bytes)))
            {
                if (kind == "load")
                {
                    if (value.StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add($"{position}: error: #load \"{value}\" is not supported: load a file by path, or reference the package with #r.");
                        continue;
                    }

                    var loaded = Path.GetFullPath(value, Path.GetDirectoryName(file)!);
                    if (seen.Add(loaded))
                    {
                        pending.Enqueue(loaded);
                    }
                }
                else if (value.StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    if (ParsePackage(value, position, out var package) is { } error)
                    {
                        errors.Add(error);
                    }
                    else
                    {
                        packages.Add(package!);
                    }
                }
                else
                {
                    assemblies.Add(new AssemblyDirective(Path.GetFullPath(value, Path.GetDirectoryName(file)!), position));
                }
            }
        }

        return new ScriptDirectiveSet(files, packages, assemblies, errors) { Sources = sources };
    }

    /// <summary>Decodes a script file as <see cref="File.ReadAllText(string)"/> does: UTF-8 unless a byte order mark says otherwise.</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Returns <c>#r</c> and <c>#load</c> directives before the first line of code.</summary>
    internal static List<DirectiveLine> Scan(string file, string text)
    {
        var found = new List<DirectiveLine>();
        var lines = text.Split('\n');
        var inComment = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            var column = line.Length - trimmed.Length + 1;
            if (inComment)
            {
                var end = trimmed.IndexOf("*/", StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }

                inComment = false;
                trimmed = trimmed[(end + 2)..].TrimStart();
            }

            if (trimmed.StartsWith("/*", StringComparison.Ordinal))
            {
                inComment = !trimmed.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (!trimmed.StartsWith('#'))
            {
                break;
            }

            var kind = trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#r\t", StringComparison.Ordinal) || trimmed.StartsWith("#r\"", StringComparison.Ordinal) ? "r"
                : trimmed.StartsWith("#load", StringComparison.Ordinal) ? "load"
                : null;
            if (kind is null)
            {
                continue; // #!, #nullable and other preprocessor lines
            }

            var open = trimmed.IndexOf('"', StringComparison.Ordinal);
            var close = open < 0 ? -1 : trimmed.IndexOf('"', open + 1);
            if (close < 0)
            {
                continue; // The compiler reports the malformed directive.
            }

            found.Add(new DirectiveLine(kind, trimmed[(open + 1)..close], new SourcePosition(file, i + 1, column)));
        }

        return found;
    }

    private static string? ParsePackage(string value, SourcePosition position, out PackageDirective? package)
    {
        package = null;
        var parts = value[NuGetPrefix.Length..].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            var id = parts[0].Length > 0 ? parts[0] : "Id";
            return $"{position}: error: #r \"{value}\" must name a package and its version, for example #r \"nuget: {id}, 1.0.0\".";
        }

        package = new PackageDirective(parts[0], parts[1], position);
        return null;
    }
}
