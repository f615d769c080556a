using System.Globalization;

namespace Buildkite.Dsl;

/// <summary>
/// One value of a build matrix dimension: a string, a whole number or a boolean.
/// </summary>
/// <example>
/// <code>
/// Matrix = ["linux", "darwin"];
/// Matrix = new() { ["go"] = ["1.23", "1.24"], ["race"] = [true, false] };
/// </code>
/// </example>
public readonly record struct MatrixElement
{
    private readonly object? _value;

    private MatrixElement(object value) => _value = value;

    /// <summary>The value when it is a string, else <see langword="null"/>.</summary>
    public string? Text => _value as string;

    /// <summary>The value when it is a whole number, else <see langword="null"/>.</summary>
    public long? Number => _value is long number ? number : null;

    /// <summary>The value when it is a boolean, else <see langword="null"/>.</summary>
    public bool? Flag => _value is bool flag ? flag : null;

    /// <summary>Uses a string.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator MatrixElement(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value);
    }

    /// <summary>Uses a whole number.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator MatrixElement(long value) => new(value);

    /// <summary>Uses a boolean.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator MatrixElement(bool value) => new(value);

    /// <summary>Returns the value as Buildkite substitutes it into <c>{{matrix}}</c>.</summary>
    public override string ToString() => _value switch
    {
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => string.Empty,
    };
}
