using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// Resolves <c>#r "nuget: Id, Version"</c>: first to the assemblies that ship with the runner, else from the
/// NuGet global packages folder through a restore of a generated project, whose result is kept for the next run.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Buildkite.Dsl is always the runner's own, so that the script and the runner share its types; a
/// script asking for another version gets a warning.</item>
/// <item>A package of this repository that ships beside the runner (<see cref="BundledPackageIds"/>), at
/// exactly the requested version, is used as it is: running the runner from a checkout
/// (<c>dotnet run --project src/Buildkite.Dsl.Cli</c>) builds those projects with it.</item>
/// <item>Anything else is restored with <c>dotnet restore</c> of a project in the runner's cache folder, with
/// the <c>nuget.config</c> nearest to the script (relative local sources made absolute). Restore output goes
/// to standard error. The assets file is reused while every file it names still exists.</item>
/// </list>
/// </remarks>
internal static class PackageResolver
{
    public const string DslPackageId = "Buildkite.Dsl";

    /// <summary>
    /// Packages of this repository whose assembly ships beside the runner (project references of the CLI).
    /// Other assemblies beside the runner (its own dependencies) do not count: their packages' dependencies
    /// are not all there.
    /// </summary>
    public static IReadOnlyList<string> BundledPackageIds { get; } = ["Scion.Pipeline"];

    private static readonly string[] NuGetConfigNames = ["nuget.config", "NuGet.config", "NuGet.Config"];

    /// <summary>The version of a package as NuGet writes it, from an assembly file's informational version.</summary>
    public static string? PackageVersionOf(string assemblyPath)
    {
        var version = FileVersionInfo.GetVersionInfo(assemblyPath).ProductVersion;
        return version?.Split('+')[0];
    }

    /// <summary>
    /// The version of a package as NuGet writes it, from a loaded assembly's informational version. Reading the
    /// attribute of a loaded assembly is much cheaper than <see cref="FileVersionInfo"/>, which matters on the
    /// path of a cached run.
    /// </summary>
    public static string? PackageVersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    /// <summary>The version of Buildkite.Dsl the runner ships.</summary>
    public static string DslVersion => PackageVersionOf(typeof(Pipeline).Assembly) ?? "unknown";

    /// <summary>
    /// Resolves the packages. Synchronous, because the usual case (packages that ship with the runner) waits on
    /// nothing and is on the path of every cached run; a restore waits for <c>dotnet restore</c>.
    /// </summary>
    /// <param name="packages">The script's <c>#r "nuget: …"</c> directives.</param>
    /// <param name="scriptDirectory">The script's folder: a restore reads the <c>nuget.config</c> that applies there.</param>
    /// <param name="log">Where warnings and the restore's output go.</param>
    /// <param name="deadline">The run's deadline; only a restore takes its token (and starts its timer).</param>
    public static ResolveResult Resolve(
        IReadOnlyList<PackageDirective> packages,
        string scriptDirectory,
        TextWriter log,
        RunDeadline deadline)
    {
        var compile = new List<string>();
        var toRestore = new List<PackageDirective>();
        foreach (var package in packages)
        {
            if (string.Equals(package.Id, DslPackageId, StringComparison.OrdinalIgnoreCase))
            {
                if (!string.Equals(package.Version, DslVersion, StringComparison.OrdinalIgnoreCase))
                {
                    log.WriteLine(
                        $"{package.Position}: warning: the script asks for {DslPackageId} {package.Version}; it runs with the runner's own {DslPackageId} {DslVersion}.");
                }

                continue;
            }

            var bundled = Path.Combine(AppContext.BaseDirectory, package.Id + ".dll");
            if (IsBundled(package.Id)
                && File.Exists(bundled) && string.Equals(BundledVersionOf(package.Id), package.Version, StringComparison.OrdinalIgnoreCase))
            {
                compile.Add(bundled);
                continue;
            }

            toRestore.Add(package);
        }

        var runtime = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (toRestore.Count > 0)
        {
            var restored = RestoreAsync(toRestore, scriptDirectory, log, deadline.Token).GetAwaiter().GetResult();
            if (restored.Error is not null)
            {
                return new ResolveResult(null, [restored.Error], restored.ExitCode);
            }

            compile.AddRange(restored.Compile);
            foreach (var path in restored.Runtime)
            {
                runtime.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        return new ResolveResult(new ResolvedReferences(compile, runtime), [], ExitCodes.Success);
    }

    /// <summary>
    /// What <see cref="Resolve"/> gives when every package ships with the runner and its version matches, without
    /// checking the versions (which reads each assembly's attributes): for a cache lookup first, since a cache key holds
    /// each compile reference's module version id and so matches only an entry stored when the same assemblies passed
    /// the check. <see langword="null"/> when a package does not ship with the runner, or is Buildkite.Dsl (whose check
    /// may warn).
    /// </summary>
    public static ResolvedReferences? UncheckedBundled(IReadOnlyList<PackageDirective> packages)
    {
        var compile = new List<string>(packages.Count);
        foreach (var package in packages)
        {
            var bundled = Path.Combine(AppContext.BaseDirectory, package.Id + ".dll");
            if (!IsBundled(package.Id) || !File.Exists(bundled))
            {
                return null;
            }

            compile.Add(bundled);
        }

        return new ResolvedReferences(compile, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
    }

    private static bool IsBundled(string id)
    {
        foreach (var bundled in BundledPackageIds)
        {
            if (string.Equals(bundled, id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The version of a bundled package: its assembly is one of the runner's own dependencies, so it is loaded by
    /// name into the runner's context (where the script finds it later anyway) and its attribute read.
    /// </summary>
    private static string? BundledVersionOf(string id)
    {
        try
        {
            return PackageVersionOf(AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(id)));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    private static async Task<(IReadOnlyList<string> Compile, IReadOnlyList<string> Runtime, string? Error, int ExitCode)> RestoreAsync(
        IReadOnlyList<PackageDirective> packages,
        string scriptDirectory,
        TextWriter log,
        CancellationToken cancellationToken)
    {
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var configPath = FindNuGetConfig(scriptDirectory);
        var config = configPath is null ? null : RewriteNuGetConfig(configPath);
        var projectText = ProjectText(framework, packages);
        var key = ContentHash.Of(Encoding.UTF8.GetBytes(projectText + "\n" + config))[..16];
        var directory = Path.Combine(CacheLocation.Root(), CacheLocation.RestoreFolder, key);
        var assetsPath = Path.Combine(directory, "obj", "project.assets.json");
        var described = string.Join(", ", packages.Select(p => $"{p.Id} {p.Version}"));

        if (File.Exists(assetsPath))
        {
            if (TryReadAssets(assetsPath, framework) is { Complete: true } cached)
            {
                return (cached.Compile, cached.Runtime, null, ExitCodes.Success);
            }

            // Damaged (truncated, edited) or naming files that are gone: restore again from scratch. NuGet's own
            // no-op check looks only at whether the files exist, so they go first.
            File.Delete(assetsPath);
            File.Delete(Path.Combine(directory, "obj", "project.nuget.cache"));
        }

        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "script.csproj"), projectText, cancellationToken).ConfigureAwait(false);
        // Empty files stop MSBuild from importing Directory.Build.* and central package versions from folders above.
        foreach (var stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(directory, stop), "<Project />\n", cancellationToken).ConfigureAwait(false);
        }

        var configTarget = Path.Combine(directory, "nuget.config");
        if (config is null)
        {
            File.Delete(configTarget);
        }
        else
        {
            await File.WriteAllTextAsync(configTarget, config, cancellationToken).ConfigureAwait(false);
        }

        await log.WriteLineAsync($"Restoring {described} ...").ConfigureAwait(false);
        var exitCode = await DotNet.RunAsync(
            ["restore", Path.Combine(directory, "script.csproj"), "-nologo", "-v:q", "-nodeReuse:false", "--disable-build-servers"],
            directory,
            log,
            cancellationToken).ConfigureAwait(false);
        if (exitCode is null)
        {
            return ([], [], $"error: the .NET SDK (dotnet) is needed to restore {described} and could not be started.", ExitCodes.UsageOrIOError);
        }

        if (exitCode != 0 || !File.Exists(assetsPath))
        {
            var where = string.Join(", ", packages.Select(p => p.Position.ToString()));
            return ([], [], $"{where}: error: {described} could not be restored (dotnet restore exit code {exitCode}); see its messages above.", ExitCodes.ProblemFound);
        }

        if (TryReadAssets(assetsPath, framework) is not { } assets)
        {
            return ([], [], $"error: the result of restoring {described} ({assetsPath}) cannot be read.", ExitCodes.UsageOrIOError);
        }

        return (assets.Compile, assets.Runtime, null, ExitCodes.Success);
    }

    /// <summary>Reads a restore's assets file; <see langword="null"/> when it is damaged (not JSON, or not the shape NuGet writes).</summary>
    private static (IReadOnlyList<string> Compile, IReadOnlyList<string> Runtime, bool Complete)? TryReadAssets(string assetsPath, string framework)
    {
        try
        {
            return ReadAssets(assetsPath, framework);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or IOException)
        {
            return null;
        }
    }

    private static string ProjectText(string framework, IReadOnlyList<PackageDirective> packages)
    {
        var project = new XElement(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement(
                "PropertyGroup",
                new XElement("TargetFramework", framework),
                new XElement("NuGetAudit", "false"),
                new XElement("ManagePackageVersionsCentrally", "false")),
            new XElement(
                "ItemGroup",
                packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Select(p =>
                    new XElement("PackageReference", new XAttribute("Include", p.Id), new XAttribute("Version", p.Version)))));
        return project.ToString() + "\n";
    }

    private static string? FindNuGetConfig(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            foreach (var name in NuGetConfigNames)
            {
                var path = Path.Combine(current.FullName, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>Copies a nuget.config with its relative local package sources made absolute.</summary>
    private static string RewriteNuGetConfig(string path)
    {
        var document = XDocument.Load(path);
        var directory = Path.GetDirectoryName(path)!;
        foreach (var source in document.Descendants("packageSources").Elements("add"))
        {
            if (source.Attribute("value") is { } value
                && !value.Value.Contains("://", StringComparison.Ordinal)
                && !Path.IsPathRooted(value.Value))
            {
                value.Value = Path.GetFullPath(value.Value, directory);
            }
        }

        return document.ToString();
    }

    private static (IReadOnlyList<string> Compile, IReadOnlyList<string> Runtime, bool Complete) ReadAssets(string assetsPath, string framework)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var root = document.RootElement;
        var folders = root.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
        var libraries = root.GetProperty("libraries");
        var compile = new List<string>();
        var runtime = new List<string>();
        var complete = true;
        if (!root.GetProperty("targets").TryGetProperty(framework, out var target))
        {
            return ([], [], false);
        }

        foreach (var library in target.EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package"
                || library.Name.Split('/')[0].Equals(DslPackageId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var libraryPath = libraries.GetProperty(library.Name).GetProperty("path").GetString()!;
            foreach (var (section, list) in new[] { ("compile", compile), ("runtime", runtime) })
            {
                if (!library.Value.TryGetProperty(section, out var assets))
                {
                    continue;
                }

                foreach (var asset in assets.EnumerateObject().Where(a => a.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                {
                    var full = folders.Select(f => Path.GetFullPath(Path.Combine(f, libraryPath, asset.Name))).FirstOrDefault(File.Exists);
                    if (full is null)
                    {
                        complete = false;
                        continue;
                    }

                    if (!FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(full)))
                    {
                        list.Add(full);
                    }
                }
            }
        }

        return (compile, runtime, complete);
    }
}
