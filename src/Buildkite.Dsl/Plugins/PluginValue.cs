using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Buildkite.Dsl.Plugins;

/// <summary>What a value of a plugin's configuration is: JSON's kinds, without null (a null value is <see langword="null"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum PluginValueKind
{
    /// <summary>A map, a JSON object (<see cref="PluginMap"/>).</summary>
    Map,

    /// <summary>A list, a JSON array (<see cref="PluginList"/>).</summary>
    List,

    /// <summary>Text, a JSON string (<see cref="PluginScalar"/>).</summary>
    Text,

    /// <summary>A number (<see cref="PluginScalar"/>).</summary>
    Number,

    /// <summary><c>true</c> (<see cref="PluginScalar"/>).</summary>
    True,

    /// <summary><c>false</c> (<see cref="PluginScalar"/>).</summary>
    False,
}

/// <summary>
/// A value of a plugin's configuration as the library writes and checks it: what the typed bindings generated from a
/// <c>plugin.yml</c> build, without System.Text.Json, whose first use costs a pipeline script's start-up several
/// milliseconds. <see cref="Plugin.ToConfiguration"/> gives the same configuration as a <see cref="JsonObject"/>.
/// </summary>
/// <remarks>Built by <see cref="PluginBindingSupport"/>; not meant to be used by hand. A JSON null is <see langword="null"/>.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class PluginValue
{
    private protected PluginValue()
    {
    }

    /// <summary>What the value is.</summary>
    public abstract PluginValueKind Kind { get; }

    /// <summary>Whether two values are equal as JSON: maps by keys and values in any order, lists item by item, numbers by value.</summary>
    /// <param name="value">One value, or <see langword="null"/>.</param>
    /// <param name="other">The other value, or <see langword="null"/>.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool DeepEquals(PluginValue? value, PluginValue? other)
    {
        switch (value)
        {
            case null:
                return other is null;
            case PluginMap map:
                if (other is not PluginMap otherMap || map.Count != otherMap.Count)
                {
                    return false;
                }

                for (var i = 0; i < map.Count; i++)
                {
                    if (!otherMap.TryGetValue(map.KeyAt(i), out var otherItem) || !DeepEquals(map.ValueAt(i), otherItem))
                    {
                        return false;
                    }
                }

                return true;
            case PluginList list:
                if (other is not PluginList otherList || list.Count != otherList.Count)
                {
                    return false;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (!DeepEquals(list[i], otherList[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                var scalar = (PluginScalar)value;
                return other is PluginScalar otherScalar && scalar.Kind == otherScalar.Kind
                    && (scalar.Kind != PluginValueKind.Number ? scalar.Text == otherScalar.Text : SameNumber(scalar.Text, otherScalar.Text));
        }
    }

    /// <summary>Converts a JSON value (an escape hatch, a property typed as any JSON) into a plugin value.</summary>
    /// <param name="node">The JSON value, or <see langword="null"/>.</param>
    /// <returns>The equal plugin value, or <see langword="null"/>.</returns>
    public static PluginValue? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var map = new PluginMap();
                foreach (var (key, child) in obj)
                {
                    map[key] = FromJson(child);
                }

                return map;
            case JsonArray array:
                var list = new PluginList();
                foreach (var item in array)
                {
                    list.Add(FromJson(item));
                }

                return list;
            default:
                var json = node.AsValue();
                return json.GetValueKind() switch
                {
                    JsonValueKind.String => PluginScalar.OfText(json.GetValue<object>() is string s ? s : json.ToString()),
                    JsonValueKind.True => PluginScalar.True,
                    JsonValueKind.False => PluginScalar.False,
                    JsonValueKind.Number => PluginScalar.OfNumber(json.ToJsonString()),
                    _ => null,
                };
        }
    }

    /// <summary>Converts the value into JSON, a new node each call.</summary>
    /// <returns>The equal JSON value.</returns>
    public abstract JsonNode ToJson();

    /// <summary>The value as JSON text, as <see cref="JsonNode.ToJsonString"/> writes it (for messages).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJsonString() => ToJson().ToJsonString();

    /// <summary>Reads a JSON literal of a scalar, as the generator writes the values of a schema's <c>enum</c>.</summary>
    /// <param name="json">A JSON string, number, <c>true</c>, <c>false</c> or <c>null</c>.</param>
    /// <returns>The value; <see langword="null"/> for <c>null</c>.</returns>
    /// <exception cref="FormatException">The text is not a JSON scalar.</exception>
    public static PluginValue? ParseScalar(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json switch
        {
            "true" => PluginScalar.True,
            "false" => PluginScalar.False,
            "null" => null,
            ['"', .., '"'] => PluginScalar.OfText(Unescape(json.AsSpan(1, json.Length - 2))),
            _ when decimal.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => PluginScalar.OfNumber(json),
            _ => throw new FormatException($"'{json}' is not a JSON string, number, true, false or null."),
        };
    }

    private static string Unescape(ReadOnlySpan<char> text)
    {
        if (!text.Contains('\\'))
        {
            return text.ToString();
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var escape = text[++i];
            switch (escape)
            {
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'u' when i + 4 < text.Length:
                    result.Append((char)int.Parse(text.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: result.Append(escape); break;
            }
        }

        return result.ToString();
    }

    private static bool SameNumber(string text, string other) =>
        text == other
        || (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && decimal.TryParse(other, NumberStyles.Float, CultureInfo.InvariantCulture, out var otherNumber)
            && number == otherNumber);
}

/// <summary>A map of a plugin's configuration: keys in the order written, each at most once.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PluginMap : PluginValue, IEnumerable<KeyValuePair<string, PluginValue?>>
{
    // Two lists of references rather than one of key-value pairs: the framework's precompiled generic code covers
    // reference types only, and a pipeline script's start-up should not wait for the JIT.
    private readonly List<string> _keys = [];
    private readonly List<PluginValue?> _values = [];

    /// <inheritdoc/>
    public override PluginValueKind Kind => PluginValueKind.Map;

    /// <summary>The number of entries.</summary>
    public int Count => _keys.Count;

    /// <summary>The value under <paramref name="key"/>; setting a key that is there replaces its value in place.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/> when the key is missing or its value is null.</returns>
    public PluginValue? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : null;
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            var at = IndexOf(key);
            if (at >= 0)
            {
                _values[at] = value;
            }
            else
            {
                _keys.Add(key);
                _values.Add(value);
            }
        }
    }

    /// <summary>Whether the map has <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it has.</returns>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Gets the value under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value (<see langword="null"/> for a JSON null), or <see langword="null"/> when the key is missing.</param>
    /// <returns>Whether the map has the key.</returns>
    public bool TryGetValue(string key, out PluginValue? value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _values[at] : null;
        return at >= 0;
    }

    /// <summary>The key of the entry at <paramref name="index"/>, in the order written.</summary>
    internal string KeyAt(int index) => _keys[index];

    /// <summary>The value of the entry at <paramref name="index"/>, in the order written.</summary>
    internal PluginValue? ValueAt(int index) => _values[index];

    /// <inheritdoc/>
    public override JsonNode ToJson()
    {
        var json = new JsonObject();
        for (var i = 0; i < _keys.Count; i++)
        {
            json[_keys[i]] = _values[i]?.ToJson();
        }

        return json;
    }

    /// <summary>Enumerates the entries in the order written.</summary>
    /// <returns>The entries.</returns>
    public IEnumerator<KeyValuePair<string, PluginValue?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Count; i++)
        {
            yield return new(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Configurations have a handful of keys: a linear search is faster than hashing them, and allocates nothing.
    private int IndexOf(string key)
    {
        for (var i = 0; i < _keys.Count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A list of a plugin's configuration.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PluginList : PluginValue, IReadOnlyList<PluginValue?>
{
    private readonly List<PluginValue?> _items = [];

    /// <inheritdoc/>
    public override PluginValueKind Kind => PluginValueKind.List;

    /// <summary>The number of items.</summary>
    public int Count => _items.Count;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <param name="index">The position, from 0.</param>
    /// <returns>The item; <see langword="null"/> for a JSON null.</returns>
    public PluginValue? this[int index] => _items[index];

    /// <summary>Adds an item at the end.</summary>
    /// <param name="item">The item; <see langword="null"/> for a JSON null.</param>
    public void Add(PluginValue? item) => _items.Add(item);

    /// <inheritdoc/>
    public override JsonNode ToJson()
    {
        var json = new JsonArray();
        foreach (var item in _items)
        {
            json.Add(item?.ToJson());
        }

        return json;
    }

    /// <summary>Enumerates the items in order.</summary>
    /// <returns>The items.</returns>
    public List<PluginValue?>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<PluginValue?> IEnumerable<PluginValue?>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A string, number, <c>true</c> or <c>false</c> of a plugin's configuration.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PluginScalar : PluginValue
{
    private PluginScalar(PluginValueKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary><c>true</c>.</summary>
    public static PluginScalar True { get; } = new(PluginValueKind.True, "true");

    /// <summary><c>false</c>.</summary>
    public static PluginScalar False { get; } = new(PluginValueKind.False, "false");

    /// <inheritdoc/>
    public override PluginValueKind Kind { get; }

    /// <summary>The string itself; a number's JSON text (<c>2.5</c>); <c>true</c> or <c>false</c>.</summary>
    public string Text { get; }

    /// <summary>A string.</summary>
    /// <param name="text">The text, literal.</param>
    /// <returns>The value.</returns>
    public static PluginScalar OfText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(PluginValueKind.Text, text);
    }

    /// <summary>A number, from its JSON text.</summary>
    /// <param name="json">The number as JSON writes it (<c>30</c>, <c>2.5</c>).</param>
    /// <returns>The value.</returns>
    public static PluginScalar OfNumber(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new(PluginValueKind.Number, json);
    }

    /// <inheritdoc/>
    public override JsonNode ToJson() => Kind switch
    {
        PluginValueKind.Text => JsonValue.Create(Text),
        PluginValueKind.True => JsonValue.Create(true),
        PluginValueKind.False => JsonValue.Create(false),
        _ => JsonNode.Parse(Text)!,
    };
}
