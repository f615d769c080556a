namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// A script compiled to an assembly image, with the name of its entry point: everything needed to run it
/// again without the compiler (a cache of compiled scripts stores exactly this).
/// </summary>
/// <param name="Image">The PE image, with its portable PDB embedded so that exceptions name script lines.</param>
/// <param name="EntryTypeName">The metadata name of the submission class, <c>Submission#0</c>.</param>
/// <param name="EntryMethodName">The metadata name of its factory method, <c>&lt;Factory&gt;</c>.</param>
/// <param name="EntryMethodToken">
/// The metadata token of the factory method: the host finds the method by it, which is cheaper than looking its type up
/// by name (the framework's type-name parser costs a cached run a few milliseconds of JIT work); the names check it.
/// </param>
internal sealed record CompiledScript(byte[] Image, string EntryTypeName, string EntryMethodName, int EntryMethodToken);
