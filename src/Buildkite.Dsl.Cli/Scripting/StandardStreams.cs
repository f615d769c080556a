using System.Text;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// Standard output and error for <c>run &lt;script&gt;</c>'s fast path, written as UTF-8 straight to the streams.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Console.Out"/> and <see cref="Console.Error"/> first work out an encoding from the locale
/// (<c>LANG</c>, <c>LC_ALL</c>), which costs a cached run, the first step of every build, a noticeable part of its
/// start-up. The pipeline is YAML for <c>buildkite-agent pipeline upload</c>, which reads UTF-8 whatever the locale:
/// under a locale with another character set, <see cref="Console.Out"/> would even turn emoji into <c>?</c>.
/// </para>
/// <para>
/// Standard error is opened on first use: a run without warnings never sets it up.
/// </para>
/// </remarks>
internal static class StandardStreams
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Standard output; the caller flushes it.</summary>
    public static TextWriter Output() => new StreamWriter(Console.OpenStandardOutput(), Utf8, 16 * 1024);

    /// <summary>Standard error, opened when first written to, flushed after every write.</summary>
    public static TextWriter Error() => new DeferredError();

    private sealed class DeferredError : TextWriter
    {
        private StreamWriter? _writer;

        public override Encoding Encoding => Utf8;

        private StreamWriter Writer => _writer ??= new StreamWriter(Console.OpenStandardError(), Utf8, 1024) { AutoFlush = true };

        public override void Write(char value) => Writer.Write(value);

        public override void Write(string? value) => Writer.Write(value);

        public override void Write(char[] buffer, int index, int count) => Writer.Write(buffer, index, count);

        public override void Write(ReadOnlySpan<char> buffer) => Writer.Write(buffer);

        public override void WriteLine(string? value) => Writer.WriteLine(value);

        public override void Flush() => _writer?.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _writer?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
