namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// Where the runner keeps what it can make again: compiled scripts (<c>scripts/</c>) and package restores
/// (<c>restore/</c>), in one per-user folder.
/// </summary>
/// <remarks>
/// The folder is <c>BUILDKITE_DSL_CACHE</c> when that is set; else <c>$XDG_CACHE_HOME/buildkite-dsl</c>;
/// else <c>~/.cache/buildkite-dsl</c> (on Windows <c>%LOCALAPPDATA%\buildkite-dsl</c>); else, with no home
/// folder at all, <c>buildkite-dsl-&lt;user&gt;</c> in the temporary folder. Everything in it may be deleted at
/// any time (<c>buildkite-dsl cache clear</c>); the next run makes it again.
/// </remarks>
internal static class CacheLocation
{
    /// <summary>The variable that overrides the cache folder.</summary>
    public const string Variable = "BUILDKITE_DSL_CACHE";

    /// <summary>The sub-folder of compiled scripts.</summary>
    public const string ScriptsFolder = "scripts";

    /// <summary>The sub-folder of package restores.</summary>
    public const string RestoreFolder = "restore";

    /// <summary>The cache folder for the current user, from the environment (read on every call).</summary>
    public static string Root()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (local.Length > 0)
            {
                return Path.Combine(local, "buildkite-dsl");
            }
        }
        else
        {
            // XDG base directories: a relative XDG_CACHE_HOME is invalid and is ignored.
            if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
            {
                return Path.Combine(xdg, "buildkite-dsl");
            }

            var home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
            }

            if (!string.IsNullOrEmpty(home))
            {
                return Path.Combine(home, ".cache", "buildkite-dsl");
            }
        }

        return Path.Combine(Path.GetTempPath(), "buildkite-dsl-" + Environment.UserName);
    }
}
