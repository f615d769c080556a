using System.Buffers.Binary;
using System.Numerics;
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
/// arithmetic, precompiled, and fast enough for the few kilobytes hashed. It is written out here (the algorithm is
/// public and small; the tests hold it to System.IO.Hashing's) so that a cached run loads no hashing assembly.
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
        BinaryPrimitives.WriteUInt64BigEndian(hash, XxHash64(data, 0));
        BinaryPrimitives.WriteUInt64BigEndian(hash.AsSpan(8), XxHash64(data, SecondSeed));
        return hash;
    }

    private const ulong Prime1 = 0x9E3779B185EBCA87;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4F;
    private const ulong Prime3 = 0x165667B19E3779F9;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63;
    private const ulong Prime5 = 0x27D4EB2F165667C5;

    /// <summary>XXH64 of the data with a seed, as its specification defines it (little-endian lanes).</summary>
    internal static ulong XxHash64(ReadOnlySpan<byte> data, long seed)
    {
        var s = unchecked((ulong)seed);
        var length = (ulong)data.Length;
        ulong hash;
        if (data.Length >= 32)
        {
            var v1 = unchecked(s + Prime1 + Prime2);
            var v2 = unchecked(s + Prime2);
            var v3 = s;
            var v4 = unchecked(s - Prime1);
            do
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data[8..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data[16..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data[24..]));
                data = data[32..];
            }
            while (data.Length >= 32);

            hash = unchecked(BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18));
            hash = Merge(hash, v1);
            hash = Merge(hash, v2);
            hash = Merge(hash, v3);
            hash = Merge(hash, v4);
        }
        else
        {
            hash = unchecked(s + Prime5);
        }

        unchecked
        {
            hash += length;
            while (data.Length >= 8)
            {
                hash ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data));
                hash = (BitOperations.RotateLeft(hash, 27) * Prime1) + Prime4;
                data = data[8..];
            }

            if (data.Length >= 4)
            {
                hash ^= BinaryPrimitives.ReadUInt32LittleEndian(data) * Prime1;
                hash = (BitOperations.RotateLeft(hash, 23) * Prime2) + Prime3;
                data = data[4..];
            }

            foreach (var b in data)
            {
                hash ^= b * Prime5;
                hash = BitOperations.RotateLeft(hash, 11) * Prime1;
            }

            hash ^= hash >> 33;
            hash *= Prime2;
            hash ^= hash >> 29;
            hash *= Prime3;
            hash ^= hash >> 32;
            return hash;
        }
    }

    private static ulong Round(ulong accumulator, ulong lane) =>
        unchecked(BitOperations.RotateLeft(accumulator + (lane * Prime2), 31) * Prime1);

    private static ulong Merge(ulong hash, ulong accumulator) => unchecked(((hash ^ Round(0, accumulator)) * Prime1) + Prime4);

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
