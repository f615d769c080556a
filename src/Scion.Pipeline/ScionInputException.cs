namespace Scion.Pipeline;

/// <summary>
/// The pipeline cannot be built from its inputs: an unknown pipeline slug, a bad knob, a failing
/// <c>bazel query</c>, an unreadable target list. The message says what and where; nothing may be uploaded.
/// </summary>
public sealed class ScionInputException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public ScionInputException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public ScionInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="innerException">The cause.</param>
    public ScionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
