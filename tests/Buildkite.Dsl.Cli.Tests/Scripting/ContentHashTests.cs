using System.IO.Hashing;
using Buildkite.Dsl.Cli.Scripting;
using CsCheck;

namespace Buildkite.Dsl.Cli.Tests.Scripting;

public sealed class ContentHashTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(4099)]
    public void XXH64_is_the_same_as_System_IO_Hashing_at_every_tail_length(int length)
    {
        // Given
        var data = Enumerable.Range(0, length).Select(i => (byte)((i * 31) + 7)).ToArray();

        // When
        var ours = ContentHash.XxHash64(data, 12345);

        // Then
        ours.Should().Be(XxHash64.HashToUInt64(data, 12345));
    }

    [Fact]
    public void XXH64_is_the_same_as_System_IO_Hashing_for_any_data_and_seed() =>
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Long).Sample(
            (data, seed) => ContentHash.XxHash64(data, seed) == XxHash64.HashToUInt64(data, seed),
            iter: 20_000);

    [Fact]
    public void A_hash_is_32_lower_case_hex_digits_of_two_seeded_halves()
    {
        // Given
        var data = "pipeline.csx"u8.ToArray();

        // When
        var hash = ContentHash.Of(data);

        // Then
        hash.Should().Be(XxHash64.HashToUInt64(data).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)
            + XxHash64.HashToUInt64(data, unchecked((long)0x9E3779B97F4A7C15)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }
}
