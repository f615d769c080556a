namespace Buildkite.Dsl;

/// <summary>How an <see cref="EnvVar"/> is expanded at upload.</summary>
internal enum EnvVarForm
{
    /// <summary><c>${NAME}</c></summary>
    Value,

    /// <summary><c>${NAME:-word}</c>: the word when the variable is unset or empty.</summary>
    DefaultWhenEmpty,

    /// <summary><c>${NAME-word}</c>: the word when the variable is unset.</summary>
    DefaultWhenUnset,

    /// <summary><c>${NAME?message}</c>: the upload fails when the variable is unset.</summary>
    Required,

    /// <summary><c>${NAME:offset}</c> or <c>${NAME:offset:length}</c>: part of the value, counted in bytes.</summary>
    Substring,
}
