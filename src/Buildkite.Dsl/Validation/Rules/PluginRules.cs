using System.Globalization;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Validation;

/// <summary>
/// Checks of plugins: the reference (BKD401), keys that collide as environment variables (BKD402),
/// the plugin's own schema (BKD403, from its binding) and values plugins read badly (BKD404).
/// </summary>
internal static class PluginRules
{
    /// <summary>Checks every plugin of every command step, naming the step and <c>plugins[i]</c>.</summary>
    public static void Check(Pipeline pipeline, List<Diagnostic> diagnostics)
    {
        for (var i = 0; i < pipeline.Steps.Count; i++)
        {
            var step = pipeline.Steps[i];
            Check(step, "steps", i, diagnostics);
            if (step is GroupStep { Steps: { } children })
            {
                for (var j = 0; j < children.Count; j++)
                {
                    Check(children[j], string.Create(CultureInfo.InvariantCulture, $"steps[{i}].steps"), j, diagnostics);
                }
            }
        }
    }

    private static void Check(Step? step, string list, int position, List<Diagnostic> diagnostics)
    {
        if (step is not CommandStep { Plugins: { Count: > 0 } plugins })
        {
            return;
        }

        var path = string.Create(CultureInfo.InvariantCulture, $"{list}[{position}]");
        for (var i = 0; i < plugins.Count; i++)
        {
            if (plugins[i] is not { } plugin)
            {
                continue;
            }

            var field = string.Create(CultureInfo.InvariantCulture, $"plugins[{i}]");
            foreach (var problem in Check(plugin))
            {
                diagnostics.Add(problem with
                {
                    Path = path,
                    Step = StepNames.Describe(step),
                    Field = problem.Field is null ? field : field + "." + problem.Field,
                });
            }
        }
    }

    /// <summary>Checks one plugin; fields are paths inside its configuration.</summary>
    public static List<Diagnostic> Check(Plugin plugin)
    {
        var problems = new List<Diagnostic>();
        var reference = plugin.Reference;
        CheckReference(reference, problems);
        var name = reference.Value is null ? "(no reference)" : StepNames.Visible(reference.Value);
        var configuration = plugin.WrittenConfiguration();
        if (configuration is not null)
        {
            if (reference.Value is not null)
            {
                CheckCollisions(configuration, "BUILDKITE_PLUGIN_" + reference.EnvironmentName, problems, name);
            }

            CheckValues(configuration, null, problems, name);
        }

        foreach (var problem in plugin.CheckConfiguration())
        {
            problems.Add(problem with { Message = $"Plugin '{name}': {problem.Message}" });
        }

        return problems;
    }

    private static void CheckReference(PluginReference reference, List<Diagnostic> problems)
    {
        if (reference.Value is null)
        {
            problems.Add(ReferenceError("A plugin has no reference.", "Give the plugin a reference such as 'docker#v5.13.0'."));
            return;
        }

        var value = StepNames.Visible(reference.Value);
        var source = reference.Source;
        if (reference.Value.Count(c => c == '#') > 1)
        {
            problems.Add(ReferenceError($"The plugin reference '{value}' has more than one '#'; the agent rejects it.", "Write one '#' between the source and the version."));
            return;
        }

        if (HasSpaceOrControl(reference.Value))
        {
            problems.Add(ReferenceError($"The plugin reference '{value}' has white space in it.", "Remove the spaces."));
            return;
        }

        if (source.Length == 0)
        {
            problems.Add(ReferenceError($"The plugin reference '{value}' has no source before '#'.", "Write the plugin's name or repository before '#', as in 'docker#v5.13.0'."));
            return;
        }

        if (reference.Version is "")
        {
            problems.Add(ReferenceError($"The plugin reference '{value}' ends with '#' and no version.", "Write a tag, branch or commit after '#', as in 'docker#v5.13.0'."));
            return;
        }

        if (IsScpLike(source))
        {
            problems.Add(ReferenceError($"The plugin source '{source}' is scp-style (host:path), which the agent cannot parse.", "Write it as a URL: 'ssh://user@host/org/repo.git'."));
            return;
        }

        if (!reference.IsLocal && !source.Contains(':', StringComparison.Ordinal))
        {
            var segments = source.Split('/');
            if (Array.IndexOf(segments, string.Empty) >= 0)
            {
                problems.Add(ReferenceError($"The plugin source '{source}' has an empty path segment.", "Write 'name' or 'owner/name', as in 'scionproto/metahook#v0.3.0'."));
                return;
            }

            if (segments.Length <= 2 && segments[^1].EndsWith("-buildkite-plugin", StringComparison.OrdinalIgnoreCase))
            {
                var shortName = string.Join('/', segments[..^1].Append(segments[^1][..^"-buildkite-plugin".Length]));
                problems.Add(ReferenceError(
                    $"The plugin source '{source}' ends with '-buildkite-plugin', which the agent adds to short names a second time.",
                    $"Write '{shortName}' instead."));
                return;
            }
        }

        if (source.StartsWith("zip+", StringComparison.OrdinalIgnoreCase) && reference.Version is { } zipPin && !IsSha256Pin(zipPin))
        {
            problems.Add(ReferenceError($"The zip plugin '{value}' is pinned with '{zipPin}'; the agent accepts only 'sha256:' and 64 hex digits.", "Pin the archive by its SHA-256 digest: '#sha256:<hex>'."));
            return;
        }

        if (!reference.IsPinned && !reference.IsVendored)
        {
            problems.Add(ReferenceError(
                $"The plugin reference '{value}' is not pinned to a version, so every build runs whatever the default branch holds then.",
                source.StartsWith("zip+", StringComparison.OrdinalIgnoreCase)
                    ? "Pin the archive by its SHA-256 digest: '#sha256:<hex>'."
                    : $"Pin a tag or commit, as in '{value}#v1.2.3'; to follow a branch on purpose, name it: '{value}#main'."));
        }
    }

    /// <summary>
    /// Reports keys whose environment variables coincide: the agent upper-cases keys and turns
    /// <c>-</c> and white space into <c>_</c>, and appends list indexes (<c>a_0</c> and <c>a: [x]</c>).
    /// </summary>
    private static void CheckCollisions(PluginMap configuration, string prefix, List<Diagnostic> problems, string plugin)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(configuration, prefix, null);

        void Walk(PluginValue? node, string variable, string? path)
        {
            switch (node)
            {
                case PluginMap map:
                    for (var i = 0; i < map.Count; i++)
                    {
                        var key = map.KeyAt(i);
                        Walk(map.ValueAt(i), variable + "_" + FormatEnvKey(key), path is null ? key : path + "." + key);
                    }

                    break;
                case PluginList list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        Walk(list[i], string.Create(CultureInfo.InvariantCulture, $"{variable}_{i}"), string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                    }

                    break;
                default:
                    if (path is null)
                    {
                        break;
                    }

                    if (seen.TryGetValue(variable, out var first))
                    {
                        problems.Add(new Diagnostic
                        {
                            Code = DiagnosticCodes.PluginKeyCollision,
                            Severity = DiagnosticSeverity.Error,
                            Field = path,
                            Message = $"Plugin '{plugin}': '{path}' and '{first}' both become the variable {variable}, so the plugin sees only one of them.",
                            Help = "Rename one of the keys; the agent upper-cases keys and turns '-' and spaces into '_'.",
                        });
                    }
                    else
                    {
                        seen.Add(variable, path);
                    }

                    break;
            }
        }
    }

    /// <summary>The agent's <c>formatEnvKey</c>: upper-case, <c>-</c> and white space to <c>_</c>.</summary>
    internal static string FormatEnvKey(string key) =>
        string.Concat(key.ToUpperInvariant().Select(c => c == '-' || char.IsWhiteSpace(c) ? '_' : c));

    private static void CheckValues(PluginValue? node, string? path, List<Diagnostic> problems, string plugin)
    {
        switch (node)
        {
            case null when path is not null:
                problems.Add(new Diagnostic
                {
                    Code = DiagnosticCodes.PluginValue,
                    Severity = DiagnosticSeverity.Warning,
                    Field = path,
                    Message = $"Plugin '{plugin}': '{path}' is null; the agent then gives the plugin no configuration variables at all (only plugins that read BUILDKITE_PLUGINS see it).",
                    Help = "Leave the option out instead, unless the plugin documents what null means.",
                });
                break;
            case PluginMap map:
                for (var i = 0; i < map.Count; i++)
                {
                    var key = map.KeyAt(i);
                    CheckValues(map.ValueAt(i), path is null ? key : path + "." + key, problems, plugin);
                }

                break;
            case PluginList list:
                for (var i = 0; i < list.Count; i++)
                {
                    var item = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                    if (list[i] is PluginScalar { Kind: PluginValueKind.Text, Text.Length: 0 })
                    {
                        problems.Add(new Diagnostic
                        {
                            Code = DiagnosticCodes.PluginValue,
                            Severity = DiagnosticSeverity.Error,
                            Field = item,
                            Message = $"Plugin '{plugin}': '{item}' is an empty string; plugins read a list until its first empty item, so the rest is lost.",
                            Help = "Remove the empty item.",
                        });
                    }
                    else
                    {
                        CheckValues(list[i], item, problems, plugin);
                    }
                }

                break;
        }
    }

    private static Diagnostic ReferenceError(string message, string help) => new()
    {
        Code = DiagnosticCodes.PluginReference,
        Severity = DiagnosticSeverity.Error,
        Message = message,
        Help = help,
    };

    private static bool HasSpaceOrControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a plugin source is scp-style, <c>^[^/@:]+@[^/:]+:</c> (user@host:path): by hand, because every plugin's
    /// source is checked and the regex engine costs the pipeline generator start-up time.
    /// </summary>
    internal static bool IsScpLike(string source)
    {
        var at = source.AsSpan().IndexOfAny('/', '@', ':');
        if (at <= 0 || source[at] != '@')
        {
            return false;
        }

        var colon = source.AsSpan(at + 1).IndexOfAny('/', ':');
        return colon > 0 && source[at + 1 + colon] == ':';
    }

    /// <summary>
    /// Whether a zip plugin's pin is <c>^sha256:[0-9a-fA-F]{64}$</c> (with .NET's <c>$</c>, which also matches before a
    /// final line feed): by hand, so that compiling or running the plugin checks never loads the regex engine.
    /// </summary>
    internal static bool IsSha256Pin(string pin)
    {
        const string Prefix = "sha256:";
        var text = pin.AsSpan();
        if (text.Length == Prefix.Length + 65 && text[^1] == '\n')
        {
            text = text[..^1];
        }

        if (text.Length != Prefix.Length + 64 || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text[Prefix.Length..])
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
