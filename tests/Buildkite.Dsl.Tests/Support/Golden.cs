using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// Compares whole outputs with files under <c>Golden/&lt;Area&gt;/&lt;TestName&gt;.&lt;extension&gt;</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>With <c>CI=true</c> the comparison is strict: a missing or different file fails, nothing is written.</item>
/// <item>With <c>UPDATE_GOLDEN=1</c> (and not CI) a missing or different file is rewritten in the source tree, and the test passes.</item>
/// <item>Otherwise a difference fails; a missing file is created in the source tree and the test fails, so it is reviewed before it is committed.</item>
/// </list>
/// </remarks>
internal static class Golden
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The test project's source directory, where golden files are read and written.</summary>
    public static string ProjectDirectory { get; } =
        typeof(Golden).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value is { } directory && Directory.Exists(directory)
            ? directory
            : AppContext.BaseDirectory;

    /// <summary>The folder holding every golden file.</summary>
    public static string Root => Path.Combine(ProjectDirectory, "Golden");

    /// <summary>Compares <paramref name="actual"/> with <c>Golden/&lt;area&gt;/&lt;test&gt;.&lt;extension&gt;</c>.</summary>
    public static void Match(string actual, string area, string extension, [CallerMemberName] string test = "") =>
        Compare(
            actual,
            Path.Combine(Root, area, test + "." + extension),
            ci: Environment.GetEnvironmentVariable("CI") == "true",
            update: Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1");

    /// <summary>Compares <paramref name="actual"/> with the file at <paramref name="path"/> in the given mode.</summary>
    internal static void Compare(string actual, string path, bool ci, bool update)
    {
        update &= !ci;
        var expected = File.Exists(path) ? File.ReadAllText(path, Utf8) : null;
        if (expected == actual)
        {
            return;
        }

        if (update || (expected is null && !ci))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, Utf8);
            if (update)
            {
                return;
            }

            throw new Xunit.Sdk.XunitException($"Golden file {Relative(path)} did not exist and was created; review it, commit it and run the test again.");
        }

        throw new Xunit.Sdk.XunitException(expected is null
            ? $"Golden file {Relative(path)} is missing (CI=true never creates one). Run the tests locally with UPDATE_GOLDEN=1 and commit the file."
            : $"The output differs from golden file {Relative(path)}. If the change is intended, run with UPDATE_GOLDEN=1 and review the diff.\n{Difference(expected, actual)}");
    }

    /// <summary>Every golden file, as paths relative to <see cref="Root"/>.</summary>
    public static IEnumerable<string> AllFiles() =>
        Directory.Exists(Root)
            ? Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>Reads a golden file by its path relative to <see cref="Root"/>.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath), Utf8);

    private static string Relative(string path) => Path.GetRelativePath(ProjectDirectory, path).Replace('\\', '/');

    /// <summary>The first differing line with two lines of context, characters made visible.</summary>
    private static string Difference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var text = new StringBuilder().Append("First difference at line ").Append(line + 1).AppendLine(":");
        for (var i = Math.Max(0, line - 2); i <= line + 2; i++)
        {
            var e = i < expectedLines.Length ? Visible(expectedLines[i]) : "<end>";
            var a = i < actualLines.Length ? Visible(actualLines[i]) : "<end>";
            if (e == a)
            {
                text.Append("    ").AppendLine(e);
            }
            else
            {
                text.Append("  - ").AppendLine(e).Append("  + ").AppendLine(a);
            }
        }

        return text.ToString();
    }

    private static string Visible(string line)
    {
        var text = new StringBuilder();
        foreach (var rune in line.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is 0x2028 or 0x2029 or 0xFEFF)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            }
            else
            {
                text.Append(rune.ToString());
            }
        }

        return text.ToString();
    }
}
