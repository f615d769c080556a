using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Plugins;

/// <summary>
/// Writes and checks plugin configurations for the bindings that <c>Buildkite.Dsl.Generators</c>
/// generates from <c>plugin.yml</c>; not meant to be called by hand.
/// </summary>
/// <remarks>
/// Writing follows Buildkite's rules for plugin configurations: unset options (<see langword="null"/>)
/// and empty lists and maps are left out, never written as <c>null</c>; the chosen form of a union is
/// kept. The checks work on the written values, so they see exactly what the plugin will read. The values are
/// <see cref="PluginValue"/>s, not System.Text.Json nodes: a pipeline script's start-up pays System.Text.Json's first
/// use only when something asks for JSON (<see cref="Plugin.ToConfiguration"/>, an escape hatch).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PluginBindingSupport
{
    /// <summary>Adds <paramref name="value"/> under <paramref name="key"/> unless it is <see langword="null"/>.</summary>
    /// <param name="configuration">The map written so far.</param>
    /// <param name="key">The option's key as the plugin spells it.</param>
    /// <param name="value">The written value, or <see langword="null"/> to leave the option out.</param>
    public static void Add(PluginMap configuration, string key, PluginValue? value)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (value is not null)
        {
            configuration[key] = value;
        }
    }

    /// <summary>Adds the escape-hatch entries, after the typed options, replacing an option of the same key.</summary>
    /// <param name="configuration">The map written so far.</param>
    /// <param name="extra">Keys the binding does not know, with their JSON values.</param>
    public static void AddExtra(PluginMap configuration, IReadOnlyDictionary<string, JsonNode?>? extra)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (extra is not { Count: > 0 })
        {
            return;
        }

        foreach (var (key, value) in extra)
        {
            configuration[key] = PluginValue.FromJson(value);
        }
    }

    /// <summary>Adds the escape-hatch entries of an object whose extra values are strings.</summary>
    /// <param name="configuration">The map written so far.</param>
    /// <param name="extra">Keys the binding does not know, with their values.</param>
    public static void AddExtra(PluginMap configuration, IReadOnlyDictionary<string, string>? extra)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (extra is not { Count: > 0 })
        {
            return;
        }

        foreach (var (key, value) in extra)
        {
            configuration[key] = TextValue(value);
        }
    }

    /// <summary>Returns the map, or <see langword="null"/> when it is empty (a plugin without configuration).</summary>
    /// <param name="configuration">The written map.</param>
    /// <returns><paramref name="configuration"/>, or <see langword="null"/>.</returns>
    public static PluginMap? OrNull(PluginMap configuration) => configuration is { Count: > 0 } ? configuration : null;

    /// <summary>The configuration as JSON, for <see cref="Plugin.ToConfiguration"/>.</summary>
    /// <param name="configuration">The written map, or <see langword="null"/>.</param>
    /// <returns>A new JSON object, or <see langword="null"/>.</returns>
    public static JsonObject? ToJson(PluginMap? configuration) => (JsonObject?)configuration?.ToJson();

    /// <summary>Writes a value of a property typed as any JSON value, a copy of it.</summary>
    /// <param name="value">The JSON value, or <see langword="null"/>.</param>
    /// <returns>The written value, or <see langword="null"/>.</returns>
    public static PluginValue? Json(JsonNode? value) => PluginValue.FromJson(value);

    /// <summary>Writes a value of a schema's <c>enum</c>, from its JSON literal.</summary>
    /// <param name="json">The JSON literal: a string, number, <c>true</c> or <c>false</c>.</param>
    /// <returns>The written value.</returns>
    public static PluginValue Literal(string json) => PluginValue.ParseScalar(json) ?? throw new ArgumentException("An enum's value is not null.", nameof(json));

    /// <summary>Writes a string.</summary>
    /// <param name="value">The text, literal.</param>
    /// <returns>The JSON string, or <see langword="null"/>.</returns>
    public static PluginValue? TextValue(string? value) => value is null ? null : PluginScalar.OfText(value);

    /// <summary>Writes a boolean.</summary>
    /// <param name="value">The flag.</param>
    /// <returns>The JSON boolean, or <see langword="null"/>.</returns>
    public static PluginValue? FlagValue(bool? value) => value is { } flag ? (flag ? PluginScalar.True : PluginScalar.False) : null;

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The JSON number, or <see langword="null"/>.</returns>
    public static PluginValue? IntegerValue(int? value) => value is { } number ? PluginScalar.OfNumber(number.ToString(CultureInfo.InvariantCulture)) : null;

    /// <summary>Writes a number, without trailing zeros (<c>2.50</c> → <c>2.5</c>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The JSON number, or <see langword="null"/>.</returns>
    public static PluginValue? NumberValue(decimal? value) =>
        value is { } number ? PluginScalar.OfNumber(number.ToString("0.############################", CultureInfo.InvariantCulture)) : null;

    /// <summary>Writes a list; an empty list is left out unless <paramref name="writeEmpty"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items.</param>
    /// <param name="item">Writes one item.</param>
    /// <param name="writeEmpty">Whether an empty list is written as <c>[]</c> (a required option).</param>
    /// <returns>The JSON array, or <see langword="null"/>.</returns>
    public static PluginValue? List<T>(IReadOnlyList<T>? values, Func<T, PluginValue?> item, bool writeEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (values is null || (values.Count == 0 && !writeEmpty))
        {
            return null;
        }

        var array = new PluginList();
        foreach (var value in values)
        {
            array.Add(value is null ? null : item(value));
        }

        return array;
    }

    /// <summary>Writes a map; an empty map is left out.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="values">The entries, in order.</param>
    /// <param name="item">Writes one value.</param>
    /// <returns>The JSON object, or <see langword="null"/>.</returns>
    public static PluginValue? Map<T>(IReadOnlyDictionary<string, T>? values, Func<T, PluginValue?> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var map = new PluginMap();
        foreach (var (key, value) in values)
        {
            map[key] = value is null ? null : item(value);
        }

        return map;
    }

    /// <summary>Writes one value as a scalar, or a list as a list, as it was given.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="value">The value or values.</param>
    /// <param name="item">Writes one item.</param>
    /// <returns>The JSON value or array, or <see langword="null"/>.</returns>
    public static PluginValue? OneOrMany<T>(OneOrMany<T>? value, Func<T, PluginValue?> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (value is null)
        {
            return null;
        }

        if (!value.IsList)
        {
            return value.Items.Count == 0 || value.Items[0] is not { } single ? null : item(single);
        }

        return List(value.Items, item, writeEmpty: true);
    }

    /// <summary>Writes an enum member that is not one of the schema's values, so the checks report it.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="value">The undefined member.</param>
    /// <returns>Its number, as JSON.</returns>
    public static PluginValue Undefined<T>(T value)
        where T : struct, Enum => PluginScalar.OfNumber(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether two plugins have the same reference and write the same configuration.</summary>
    /// <param name="plugin">One plugin.</param>
    /// <param name="other">The other plugin.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool SameConfiguration(Plugin plugin, Plugin? other) =>
        other is not null && plugin is not null && plugin.GetType() == other.GetType() && plugin.Reference == other.Reference
        && PluginValue.DeepEquals(plugin.WrittenConfiguration(), other.WrittenConfiguration());

    /// <summary>Whether two written values are equal.</summary>
    /// <param name="value">One value.</param>
    /// <param name="other">The other value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool SameJson(PluginValue? value, PluginValue? other) => PluginValue.DeepEquals(value, other);

    /// <summary>Returns the value under <paramref name="key"/> of a written map.</summary>
    /// <param name="map">The map, or <see langword="null"/>.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static PluginValue? Child(PluginValue? map, string key) => map is PluginMap obj && obj.TryGetValue(key, out var value) ? value : null;

    /// <summary>Joins a path and a key: <c>builder</c> and <c>driver</c> give <c>builder.driver</c>.</summary>
    /// <param name="path">The path so far, empty at the top.</param>
    /// <param name="key">The key.</param>
    /// <returns>The joined path.</returns>
    public static string Path(string path, string key) => string.IsNullOrEmpty(path) ? key : path + "." + key;

    /// <summary>Reports a required option that is not set.</summary>
    /// <param name="problems">Where problems go.</param>
    /// <param name="map">The written map.</param>
    /// <param name="path">The map's path.</param>
    /// <param name="key">The required key.</param>
    public static void Required(List<Diagnostic> problems, PluginValue? map, string path, string key)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (map is PluginMap obj && !obj.ContainsKey(key))
        {
            problems.Add(Error(Path(path, key), $"The option '{key}' is required.", $"Set '{key}'."));
        }
    }

    /// <summary>Reports a map that does not satisfy exactly one of the sets of options (<c>oneOf</c> of <c>required</c>).</summary>
    /// <param name="problems">Where problems go.</param>
    /// <param name="map">The written map.</param>
    /// <param name="path">The map's path.</param>
    /// <param name="sets">The alternatives, each a set of keys that must all be present.</param>
    public static void ExactlyOne(List<Diagnostic> problems, PluginValue? map, string path, string[][] sets)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(sets);
        if (map is not PluginMap obj)
        {
            return;
        }

        var met = sets.Count(set => set.All(obj.ContainsKey));
        if (met != 1)
        {
            problems.Add(Error(NullIfEmpty(path),
                met == 0 ? $"The configuration needs exactly one of {Describe(sets)}; it has none." : $"The configuration needs exactly one of {Describe(sets)}; it has {met}.",
                met == 0 ? "Set the options of one alternative." : "Keep the options of one alternative only."));
        }
    }

    /// <summary>Reports a map that satisfies none of the sets of options (<c>anyOf</c> of <c>required</c>).</summary>
    /// <param name="problems">Where problems go.</param>
    /// <param name="map">The written map.</param>
    /// <param name="path">The map's path.</param>
    /// <param name="sets">The alternatives, each a set of keys that must all be present.</param>
    public static void AtLeastOne(List<Diagnostic> problems, PluginValue? map, string path, string[][] sets)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(sets);
        if (map is PluginMap obj && !sets.Any(set => set.All(obj.ContainsKey)))
        {
            problems.Add(Error(NullIfEmpty(path), $"The configuration needs at least one of {Describe(sets)}; it has none.", "Set the options of one alternative."));
        }
    }

    /// <summary>
    /// Reports an option set without the options it needs (<c>dependencies</c>). A warning: the schema
    /// says so, but neither the agent nor the plugin enforces it.
    /// </summary>
    /// <param name="problems">Where problems go.</param>
    /// <param name="map">The written map.</param>
    /// <param name="path">The map's path.</param>
    /// <param name="key">The option that needs others.</param>
    /// <param name="needs">The options it needs, all of them.</param>
    public static void Dependency(List<Diagnostic> problems, PluginValue? map, string path, string key, string[] needs)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(needs);
        if (map is PluginMap obj && obj.ContainsKey(key) && needs.Where(need => !obj.ContainsKey(need)).ToList() is { Count: > 0 } missing)
        {
            problems.Add(new Diagnostic
            {
                Code = DiagnosticCodes.PluginConfiguration,
                Severity = DiagnosticSeverity.Warning,
                Field = Path(path, key),
                Message = $"The option '{key}' is only used with {string.Join(" and ", needs.Select(n => $"'{n}'"))}; the plugin's schema requires {string.Join(" and ", missing.Select(n => $"'{n}'"))} with it.",
                Help = $"Remove '{key}', or set {string.Join(" and ", missing.Select(n => $"'{n}'"))}.",
            });
        }
    }

    /// <summary>Reports a value that is not one of the schema's <c>enum</c> values.</summary>
    /// <param name="problems">Where problems go.</param>
    /// <param name="value">The written value.</param>
    /// <param name="path">The value's path.</param>
    /// <param name="allowed">The allowed values, as JSON.</param>
    public static void Allowed(List<Diagnostic> problems, PluginValue? value, string path, string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(allowed);
        if (value is PluginScalar && !allowed.Any(json => PluginValue.DeepEquals(PluginValue.ParseScalar(json), value)))
        {
            problems.Add(Error(path, $"The value {value.ToJsonString()} is not one the plugin accepts: {string.Join(", ", allowed)}.", "Use one of the enum's named members."));
        }
    }

    /// <summary>Reports a string that does not match the schema's <c>pattern</c>.</summary>
    /// <param name="problems">Where problems go.</param>
    /// <param name="value">The written value.</param>
    /// <param name="path">The value's path.</param>
    /// <param name="pattern">The regular expression.</param>
    public static void Pattern(List<Diagnostic> problems, PluginValue? value, string path, string pattern)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value is PluginScalar { Kind: PluginValueKind.Text } json
            && !Regex.IsMatch(json.Text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            problems.Add(Error(path, $"The value \"{json.Text}\" does not match the pattern '{pattern}'.", null));
        }
    }

    /// <summary>Reports a string shorter or longer than the schema allows (<c>minLength</c>, <c>maxLength</c>).</summary>
    /// <param name="problems">Where problems go.</param>
    /// <param name="value">The written value.</param>
    /// <param name="path">The value's path.</param>
    /// <param name="min">The least length, or <see langword="null"/>.</param>
    /// <param name="max">The greatest length, or <see langword="null"/>.</param>
    public static void Length(List<Diagnostic> problems, PluginValue? value, string path, int? min, int? max)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value is PluginScalar { Kind: PluginValueKind.Text, Text: var text }
            && (text.Length < (min ?? 0) || text.Length > (max ?? int.MaxValue)))
        {
            problems.Add(Error(path, $"The text has {text.Length} characters; the plugin accepts {Bounds(min, max)}.", null));
        }
    }

    /// <summary>Reports a list with fewer or more items than the schema allows (<c>minItems</c>, <c>maxItems</c>).</summary>
    /// <param name="problems">Where problems go.</param>
    /// <param name="value">The written value; only a list is checked.</param>
    /// <param name="path">The value's path.</param>
    /// <param name="min">The least count, or <see langword="null"/>.</param>
    /// <param name="max">The greatest count, or <see langword="null"/>.</param>
    public static void Count(List<Diagnostic> problems, PluginValue? value, string path, int? min, int? max)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value is PluginList array && (array.Count < (min ?? 0) || array.Count > (max ?? int.MaxValue)))
        {
            problems.Add(Error(path, $"The list has {array.Count} items; the plugin accepts {Bounds(min, max)}.", null));
        }
    }

    /// <summary>Reports a number outside the schema's <c>minimum</c> and <c>maximum</c>.</summary>
    /// <param name="problems">Where problems go.</param>
    /// <param name="value">The written value; only a number is checked.</param>
    /// <param name="path">The value's path.</param>
    /// <param name="min">The least value, or <see langword="null"/>.</param>
    /// <param name="max">The greatest value, or <see langword="null"/>.</param>
    public static void Range(List<Diagnostic> problems, PluginValue? value, string path, double? min, double? max)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value is PluginScalar { Kind: PluginValueKind.Number } json
            && double.Parse(json.Text, NumberStyles.Float, CultureInfo.InvariantCulture) is var number
            && (number < (min ?? double.NegativeInfinity) || number > (max ?? double.PositiveInfinity)))
        {
            problems.Add(Error(path, $"The value {json.Text} is outside {Bounds(min, max)}.", null));
        }
    }

    /// <summary>Calls <paramref name="check"/> for each item of a written list, with the item's path.</summary>
    /// <param name="value">The written value; only a list is walked.</param>
    /// <param name="path">The list's path.</param>
    /// <param name="check">Checks one item.</param>
    public static void Items(PluginValue? value, string path, Action<PluginValue?, string> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (value is PluginList array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                check(array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
            }
        }
    }

    /// <summary>Calls <paramref name="check"/> for each value of a written map, with the value's path.</summary>
    /// <param name="value">The written value; only a map is walked.</param>
    /// <param name="path">The map's path.</param>
    /// <param name="check">Checks one value.</param>
    public static void Entries(PluginValue? value, string path, Action<PluginValue?, string> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (value is PluginMap map)
        {
            for (var i = 0; i < map.Count; i++)
            {
                check(map.ValueAt(i), Path(path, map.KeyAt(i)));
            }
        }
    }

    /// <summary>Calls <paramref name="check"/> for each item of a written list, or once for a single value.</summary>
    /// <param name="value">The written value or list.</param>
    /// <param name="path">The value's path.</param>
    /// <param name="check">Checks one item.</param>
    public static void EachOrOne(PluginValue? value, string path, Action<PluginValue?, string> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (value is PluginList)
        {
            Items(value, path, check);
        }
        else if (value is not null)
        {
            check(value, path);
        }
    }

    /// <summary>Whether a written value is a string, number, boolean, map or list, as <paramref name="kind"/> says.</summary>
    /// <param name="value">The written value.</param>
    /// <param name="kind">The kind; <see cref="PluginValueKind.True"/> stands for either boolean.</param>
    /// <returns>Whether it is.</returns>
    public static bool Is(PluginValue? value, PluginValueKind kind) =>
        value?.Kind is { } actual && (actual == kind || (kind == PluginValueKind.True && actual == PluginValueKind.False));

    private static Diagnostic Error(string? field, string message, string? help) => new()
    {
        Code = DiagnosticCodes.PluginConfiguration,
        Severity = DiagnosticSeverity.Error,
        Field = field,
        Message = message,
        Help = help,
    };

    private static string? NullIfEmpty(string path) => string.IsNullOrEmpty(path) ? null : path;

    private static string Describe(string[][] sets) =>
        string.Join(" or ", sets.Select(set => string.Join(" and ", set.Select(key => $"'{key}'"))));

    private static string Bounds<T>(T? min, T? max)
        where T : struct =>
        (min, max) switch
        {
            ({ } low, { } high) => string.Create(CultureInfo.InvariantCulture, $"{low} to {high}"),
            ({ } low, null) => string.Create(CultureInfo.InvariantCulture, $"at least {low}"),
            (null, { } high) => string.Create(CultureInfo.InvariantCulture, $"at most {high}"),
            _ => "any",
        };
}
