using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// 128-bit content hashes (XXH128) as 32 lower-case hex digits: the keys of the runner's caches and the check
/// that a cache entry is whole.
/// </summary>
/// <remarks>
/// Not a cryptographic hash, and it need not be: the cache is the user's own folder, and whoever can write there
/// can change the runner's input anyway. What it must do is tell apart any two inputs that occur in practice
/// and notice a truncated or damaged file, which 128 bits do. It is chosen over SHA-256 for start-up cost: SHA-256
/// loads OpenSSL, which takes tens of milliseconds of a cached run that takes well under a hundred.
/// </remarks>
internal static class ContentHash
{
    /// <summary>The hash of some bytes.</summary>
    public static string Of(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(XxHash128.Hash(data));

    /// <summary>The hash of a text's UTF-16 code units.</summary>
    public static string Of(string text) => Of(MemoryMarshal.AsBytes(text.AsSpan()));

    /// <summary>The 16-byte hash of some bytes.</summary>
    public static byte[] Bytes(ReadOnlySpan<byte> data) => XxHash128.Hash(data);
}
