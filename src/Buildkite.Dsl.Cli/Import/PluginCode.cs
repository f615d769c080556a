using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Cli.Meaning;
using Buildkite.Dsl.Generators;
using Buildkite.Dsl.Generators.Emit;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Cli.Import;

/// <summary>
/// Writes a plugin as C#: with the typed binding Buildkite.Dsl bundles for the plugin's source
/// (<c>new DockerPlugin { Image = "node:22" }</c>) when its configuration fits the binding, else as an
/// <c>UntypedPlugin</c> with its configuration as a <c>JsonObject</c>.
/// </summary>
/// <remarks>
/// Configuration keys are mapped to the binding's properties with the generator's model of the binding (the
/// model the committed bindings were generated from). Before a binding is used, the same values are put into an
/// instance of it: it must write exactly the configuration of the YAML and report no problem the untyped plugin
/// would not, so the script prints the same plugin.
/// </remarks>
internal static class PluginCode
{
    private static readonly Lazy<Dictionary<string, (PluginModel Model, Type Type)>> Bindings = new(Load);

    /// <summary>C# that creates the plugin; <paramref name="nameHint"/> is a variable name for it.</summary>
    public static Code For(UntypedPlugin plugin, out string nameHint)
    {
        var source = AgentPipelineReader.ShortReference(plugin.Reference.Source);
        if (Bindings.Value.TryGetValue(source, out var binding) && Typed(plugin, binding.Model, binding.Type) is { } typed)
        {
            nameHint = char.ToLowerInvariant(binding.Model.Root.TypeName[0]) + binding.Model.Root.TypeName[1..];
            return typed;
        }

        nameHint = Literals.Identifier(source[(source.LastIndexOf('/') + 1)..], "plugin") + "Plugin";
        var reference = new Text(Literals.Quote(plugin.Reference.Value));
        return plugin.Configuration is null
            ? new Call("new UntypedPlugin", [reference])
            : new Call("new UntypedPlugin", [reference, Json(plugin.Configuration)]);
    }

    /// <summary>C# for a JSON value: literals, <c>new JsonObject { … }</c> and <c>new JsonArray { … }</c>.</summary>
    public static Code Json(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return new Text("null");
            case JsonObject map:
                return new Init("new JsonObject", map.Select(p => new Member("[" + Key(p.Key) + "]", Json(p.Value), [])).ToList());
            case JsonArray list:
                return new Collection(list.Select(Json), "new JsonArray");
            default:
                var json = value.AsValue();
                return json.GetValueKind() switch
                {
                    JsonValueKind.String => Literals.String(json.GetValue<string>()),
                    JsonValueKind.True => new Text("true"),
                    JsonValueKind.False => new Text("false"),
                    _ => new Text(Number(json.ToJsonString())),
                };
        }
    }

    private static string Key(string key) => Literals.String(key).Inline() ?? Literals.Quote(key);

    private static string Number(string json)
    {
        if (int.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return json;
        }

        if (long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return json + "L";
        }

        return json.Contains('.', StringComparison.Ordinal) || json.Contains('e', StringComparison.OrdinalIgnoreCase) ? json : json + ".0";
    }

    private static Dictionary<string, (PluginModel Model, Type Type)> Load()
    {
        var assembly = typeof(PluginCode).Assembly;
        var inputs = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("plugins/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new PluginInput(name["plugins/".Length..], reader.ReadToEnd());
            })
            .ToList();
        var bindings = new Dictionary<string, (PluginModel, Type)>(StringComparer.Ordinal);
        foreach (var model in BindingGenerator.Models(inputs, []))
        {
            if (typeof(Plugin).Assembly.GetType("Buildkite.Dsl.Plugins." + model.Root.TypeName) is { } type)
            {
                var source = AgentPipelineReader.ShortReference(model.Reference.Split('#')[0]);
                bindings.TryAdd(source, (model, type));
            }
        }

        return bindings;
    }

    /// <summary>The binding's code, or <see langword="null"/> when the configuration does not fit it exactly.</summary>
    private static Code? Typed(UntypedPlugin plugin, PluginModel model, Type type)
    {
        try
        {
            return TypedOrNull(plugin, model, type);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or TargetInvocationException or MissingMethodException
            or MemberAccessException or NotSupportedException or InvalidOperationException or FormatException or OverflowException)
        {
            // A value the binding's types cannot take: the plugin stays untyped, which writes it as it is.
            return null;
        }
    }

    private static Code? TypedOrNull(UntypedPlugin plugin, PluginModel model, Type type)
    {
        var configuration = plugin.Configuration ?? [];
        var built = Record(configuration, model.Root, type, explicitType: true);
        if (built is null)
        {
            return null;
        }

        var (code, value) = built.Value;
        var instance = (Plugin)value!;
        if (plugin.Reference.Value != model.Reference)
        {
            instance = instance with { Reference = plugin.Reference };
            var init = (Init)code;
            code = new Init(init.Head, [new Member("Reference", new Text(Literals.Quote(plugin.Reference.Value)), []), .. init.Members]);
        }

        // The binding must write the same configuration, and find no problem the untyped plugin would not.
        if (!SameJson(instance.ToConfiguration() ?? [], configuration)
            || instance.Validate().Count(d => d.IsError) > plugin.Validate().Count(d => d.IsError))
        {
            return null;
        }

        return code;
    }

    private static (Code Code, object? Value)? Convert(JsonNode? json, CsType type, Type clr, bool explicitType)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        switch (type)
        {
            case PrimitiveType primitive:
                return Primitive(json, primitive);
            case EnumType enumType:
                foreach (var member in enumType.Members)
                {
                    if (JsonNode.DeepEquals(JsonNode.Parse(member.Json), json))
                    {
                        return (new Text(enumType.TypeName + "." + member.Name), Enum.Parse(clr, member.Name));
                    }
                }

                return null;
            case RecordType record when json is JsonObject map:
                return Record(map, record, clr, explicitType);
            case UnionType union:
                return Union(json, union, clr);
            case ListType list when json is JsonArray items:
            {
                var itemType = clr.IsArray ? clr.GetElementType()! : clr.GetGenericArguments()[0];
                var converted = Items(items, list.Item, itemType);
                if (converted is null)
                {
                    return null;
                }

                var array = Array.CreateInstance(itemType, converted.Count);
                for (var i = 0; i < converted.Count; i++)
                {
                    array.SetValue(converted[i].Value, i);
                }

                return (new Collection(converted.Select(c => c.Code)), array);
            }

            case MapType mapType when json is JsonObject entries:
            {
                var valueType = clr.GetGenericArguments()[1];
                var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
                var members = new List<Member>();
                foreach (var (key, value) in entries)
                {
                    if (Convert(value, mapType.Value, valueType, explicitType: true) is not { } converted || converted.Value is null)
                    {
                        return null;
                    }

                    dictionary[key] = converted.Value;
                    members.Add(new Member("[" + Key(key) + "]", converted.Code, []));
                }

                return (new Init($"new Dictionary<string, {TypeName(mapType.Value)}>", members), dictionary);
            }

            case OneOrManyType oneOrMany:
            {
                var itemType = clr.GetGenericArguments()[0];
                if (json is JsonArray items)
                {
                    var converted = Items(items, oneOrMany.Item, itemType);
                    if (converted is null)
                    {
                        return null;
                    }

                    var typed = Array.CreateInstance(itemType, converted.Count);
                    for (var i = 0; i < converted.Count; i++)
                    {
                        typed.SetValue(converted[i].Value, i);
                    }

                    var many = typeof(OneOrMany).GetMethod(nameof(OneOrMany.Many))!.MakeGenericMethod(itemType).Invoke(null, [typed]);
                    return (new Collection(converted.Select(c => c.Code)), many);
                }

                if (Convert(json, oneOrMany.Item, itemType, explicitType: true) is not { Value: not null } single)
                {
                    return null;
                }

                var one = typeof(OneOrMany).GetMethod(nameof(OneOrMany.One))!.MakeGenericMethod(itemType).Invoke(null, [single.Value]);
                return (single.Code, one);
            }

            default:
                return null;
        }
    }

    private static List<(Code Code, object? Value)>? Items(JsonArray items, CsType itemType, Type itemClr)
    {
        var converted = new List<(Code Code, object? Value)>();
        foreach (var item in items)
        {
            if (Convert(item, itemType, itemClr, explicitType: itemType is not RecordType) is not { Value: not null } value)
            {
                return null;
            }

            converted.Add(value);
        }

        return converted;
    }

    private static (Code Code, object? Value)? Primitive(JsonNode? json, PrimitiveType primitive)
    {
        if (primitive.Kind == PrimitiveKind.Json)
        {
            return json is null ? null : (Json(json), json.DeepClone());
        }

        if (json is not JsonValue value)
        {
            return null;
        }

        switch (primitive.Kind)
        {
            case PrimitiveKind.Text when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return (Literals.String(text), text);
            case PrimitiveKind.Flag when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                var flag = value.GetValueKind() == JsonValueKind.True;
                return (new Text(flag ? "true" : "false"), flag);
            case PrimitiveKind.Integer when value.GetValueKind() == JsonValueKind.Number && int.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return (new Text(integer.ToString(CultureInfo.InvariantCulture)), integer);
            case PrimitiveKind.Number when value.GetValueKind() == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return (new Text(number.ToString(CultureInfo.InvariantCulture) + "m"), number);
            default:
                return null;
        }
    }

    private static (Code Code, object? Value)? Record(JsonObject json, RecordType record, Type clr, bool explicitType)
    {
        var instance = Activator.CreateInstance(clr, nonPublic: true)!;
        var members = new List<Member>();
        var extra = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var (key, value) in json)
        {
            var property = record.Properties.FirstOrDefault(p => p.Key == key);
            if (property is null)
            {
                extra.Add(KeyValuePair.Create(key, value));
                continue;
            }

            var clrProperty = clr.GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance);
            if (clrProperty is null || value is null
                || Convert(value, property.Type, clrProperty.PropertyType, explicitType: false) is not { Value: not null } converted)
            {
                return null;
            }

            clrProperty.SetValue(instance, converted.Value);
            members.Add(new Member(property.Name, converted.Code, []));
        }

        if (record.Properties.Any(p => p.IsRequired && !json.ContainsKey(p.Key)))
        {
            return null;
        }

        if (extra.Count > 0)
        {
            var extraProperty = clr.GetProperty("Extra", BindingFlags.Public | BindingFlags.Instance);
            switch (record.Extra)
            {
                case ExtraKind.Json when extraProperty is not null:
                    extraProperty.SetValue(instance, extra.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal));
                    members.Add(new Member("Extra", new Init("new Dictionary<string, JsonNode>", extra.Select(p => new Member("[" + Key(p.Key) + "]", Json(p.Value), [])).ToList()), []));
                    break;
                case ExtraKind.Text when extraProperty is not null && extra.All(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String):
                    extraProperty.SetValue(instance, extra.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal));
                    members.Add(new Member("Extra", new Init("new Dictionary<string, string>", extra.Select(p => new Member("[" + Key(p.Key) + "]", Literals.String(p.Value!.GetValue<string>()), [])).ToList()), []));
                    break;
                default:
                    return null;
            }
        }

        return (new Init(explicitType ? "new " + record.TypeName : "new()", members, record.TypeName), instance);
    }

    private static (Code Code, object? Value)? Union(JsonNode? json, UnionType union, Type clr)
    {
        foreach (var branch in union.Branches)
        {
            var fits = (branch.Type, json) switch
            {
                (PrimitiveType { Kind: PrimitiveKind.Text }, JsonValue v) => v.GetValueKind() == JsonValueKind.String,
                (PrimitiveType { Kind: PrimitiveKind.Flag }, JsonValue v) => v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
                (PrimitiveType { Kind: PrimitiveKind.Integer or PrimitiveKind.Number }, JsonValue v) => v.GetValueKind() == JsonValueKind.Number,
                (EnumType, JsonValue) => true,
                (RecordType or MapType, JsonObject) => true,
                (ListType, JsonArray) => true,
                _ => false,
            };
            var storage = clr.GetProperty(branch.Name, BindingFlags.Public | BindingFlags.Instance);
            if (!fits || storage is null)
            {
                continue;
            }

            var storageType = Nullable.GetUnderlyingType(storage.PropertyType) ?? storage.PropertyType;
            if (Convert(json, branch.Type, storageType, explicitType: true) is not { Value: not null } converted)
            {
                continue;
            }

            var instance = Activator.CreateInstance(clr, nonPublic: true)!;
            storage.SetValue(instance, converted.Value);

            // The first list form is a collection expression; others convert from an array.
            var code = branch.Type is ListType other && union.Branches.First(b => b.Type is ListType) != branch && converted.Code is Collection items
                ? new Collection(items.Items, $"new {TypeName(other.Item)}[]")
                : converted.Code;
            return (code, instance);
        }

        return null;
    }

    private static string TypeName(CsType type) => type.Name
        .Replace("global::System.Collections.Generic.", string.Empty, StringComparison.Ordinal)
        .Replace("global::System.Text.Json.Nodes.", string.Empty, StringComparison.Ordinal)
        .Replace("global::Buildkite.Dsl.Plugins.", string.Empty, StringComparison.Ordinal);

    /// <summary>Whether two JSON values are equal, map keys in any order, as plugins read them.</summary>
    internal static bool SameJson(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && SameJson(p.Value, other)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => SameJson(p.First, p.Second)),
        (JsonValue x, JsonValue y) => JsonNode.DeepEquals(x, y) || (x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(x.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
            && decimal.TryParse(y.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && m == n),
        _ => false,
    };
}
