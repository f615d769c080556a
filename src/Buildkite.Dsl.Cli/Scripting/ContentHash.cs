using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// 128-bit content hashes as 32 lower-case hex digits: the keys of the runner's caches and the check that a cache
/// entry is whole. The hash is two XXH64 hashes of the data with different seeds.
/// </summary>
/// <remarks>
/// <para>
/// Not a cryptographic hash, and it need not be: the cache is the user's own folder, and whoever can write there
/// can change the runner's input anyway. What it must do is tell apart any two inputs that occur in practice
/// and notice a truncated or damaged file, which 128 bits do.
/// </para>
/// <para>
/// Chosen for the start-up cost of a cached run, which hashes the script and its cache entry: SHA-256 loads
/// OpenSSL (tens of milliseconds); XXH128 and XXH3 use 256-bit vector code, which ReadyToRun cannot precompile
/// for every processor, so the JIT compiles it on every run (several milliseconds); XXH64 is plain 64-bit
/// arithmetic, precompiled, and fast enough for the few kilobytes hashed.
/// </para>
/// </remarks>
internal static class ContentHash
{
    /// <summary>The seed of the second half (any constant other than the first half's 0).</summary>
    private const long SecondSeed = unchecked((long)0x9E3779B97F4A7C15);

    /// <summary>The hash of some bytes.</summary>
    public static string Of(ReadOnlySpan<byte> data) => Hex(Bytes(data));

    /// <summary>The hash of a text's UTF-16 code units.</summary>
    public static string Of(string text) => Of(MemoryMarshal.AsBytes(text.AsSpan()));

    /// <summary>The 16-byte hash of some bytes.</summary>
    public static byte[] Bytes(ReadOnlySpan<byte> data)
    {
        var hash = new byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(hash, XxHash64.HashToUInt64(data));
        BinaryPrimitives.WriteUInt64BigEndian(hash.AsSpan(8), XxHash64.HashToUInt64(data, SecondSeed));
        return hash;
    }

    /// <summary>Lower-case hex digits, written out by hand: the framework's formatter is vector code the JIT compiles at start-up.</summary>
    internal static string Hex(ReadOnlySpan<byte> bytes)
    {
        const string Digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
}
