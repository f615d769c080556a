namespace Buildkite.Dsl.Validation;

/// <summary>
/// The codes of every check, <c>BKD</c> and three digits. A code is never reused for another check.
/// </summary>
/// <remarks>
/// Ranges: 0xx reading YAML and JSON; 1xx keys, dependencies and structure; 2xx attribute values;
/// 3xx upload-time interpolation (<c>$</c>); 4xx plugins; 5xx limits of an upload.
/// </remarks>
public static class DiagnosticCodes
{
    /// <summary>The YAML or JSON text cannot be parsed.</summary>
    public const string Syntax = "BKD001";

    /// <summary>A value has the wrong type for its attribute (for example a list where a number belongs).</summary>
    public const string WrongType = "BKD002";

    /// <summary>A step's type cannot be recognised; the agent would pass it on with a warning.</summary>
    public const string UnknownStepType = "BKD003";

    /// <summary>An attribute the model does not know; it is kept in <c>Extra</c>, but the schema rejects it.</summary>
    public const string UnknownAttribute = "BKD004";

    /// <summary>The YAML holds something the agent rejects: a null or non-scalar map key, recursion, too deep nesting, too large alias expansion.</summary>
    public const string Unsupported = "BKD005";

    /// <summary>A YAML scalar changes type or disappears when the agent parses it (a date, a tag such as <c>!build.x</c>).</summary>
    public const string AmbiguousScalar = "BKD006";

    /// <summary>A required attribute is missing, such as a trigger step's <c>trigger</c>.</summary>
    public const string MissingAttribute = "BKD007";

    /// <summary>The pipeline has no steps.</summary>
    public const string NoSteps = "BKD008";

    /// <summary>An attribute in <c>Extra</c> repeats one the model already writes, so the key would appear twice.</summary>
    public const string DuplicateAttribute = "BKD009";

    /// <summary>
    /// The pipeline breaks Buildkite's official pipeline schema: an attribute the schema does not know, a value of
    /// the wrong form. <c>buildkite-dsl validate</c> reports it; the agent itself does not check the schema.
    /// </summary>
    public const string SchemaViolation = "BKD010";

    /// <summary>A key has more than 100 characters.</summary>
    public const string KeyTooLong = "BKD101";

    /// <summary>A key has characters other than <c>A-Za-z0-9_-:${}.,</c>.</summary>
    public const string KeyCharacters = "BKD102";

    /// <summary>A key is shaped like a UUID, which Buildkite reserves for step ids.</summary>
    public const string KeyLooksLikeUuid = "BKD103";

    /// <summary>Two steps have the same key.</summary>
    public const string DuplicateKey = "BKD104";

    /// <summary>A <c>depends_on</c> names a key that no step has and that is not declared external.</summary>
    public const string UnknownDependency = "BKD110";

    /// <summary>Dependencies form a cycle.</summary>
    public const string DependencyCycle = "BKD111";

    /// <summary>A step depends on itself.</summary>
    public const string SelfDependency = "BKD112";

    /// <summary>A <c>depends_on</c> holds a step object that is not part of the pipeline and has no key.</summary>
    public const string DependencyNotInPipeline = "BKD113";

    /// <summary>A group has no steps.</summary>
    public const string EmptyGroup = "BKD120";

    /// <summary>A group has concurrency attributes, which Buildkite does not allow on groups.</summary>
    public const string ConcurrencyOnGroup = "BKD121";

    /// <summary>
    /// In an output of several uploads, a <c>depends_on</c> names a key that only a later upload defines;
    /// the agent sends the uploads in order, so the key does not exist yet when this one arrives.
    /// </summary>
    public const string DependencyOnLaterUpload = "BKD122";

    /// <summary>A command step has both <c>command</c> and <c>commands</c>.</summary>
    public const string CommandAndCommands = "BKD201";

    /// <summary>A number is below its minimum: <c>timeout_in_minutes</c>, <c>parallelism</c> or <c>concurrency</c> below 1.</summary>
    public const string NumberTooSmall = "BKD202";

    /// <summary>A step has both <c>if</c> and <c>branches</c>.</summary>
    public const string IfAndBranches = "BKD203";

    /// <summary>An automatic retry <c>limit</c> is outside 0–10.</summary>
    public const string RetryLimit = "BKD204";

    /// <summary>An exit status is outside -1..255.</summary>
    public const string ExitStatusRange = "BKD205";

    /// <summary>A <c>soft_fail</c> entry holds a list of exit statuses.</summary>
    public const string SoftFailExitStatusList = "BKD206";

    /// <summary><c>concurrency</c> and <c>concurrency_group</c> are not used together.</summary>
    public const string ConcurrencyPair = "BKD207";

    /// <summary><c>concurrency_method</c> is used without <c>concurrency</c> and <c>concurrency_group</c>.</summary>
    public const string ConcurrencyMethodAlone = "BKD208";

    /// <summary>A <c>concurrency_group</c> has more than 200 characters.</summary>
    public const string ConcurrencyGroupTooLong = "BKD209";

    /// <summary>A <c>skip</c> reason has more than 70 characters.</summary>
    public const string SkipReasonTooLong = "BKD210";

    /// <summary>A matrix has more than 6 dimensions.</summary>
    public const string MatrixDimensions = "BKD220";

    /// <summary>A matrix dimension has more than 25 values, or none.</summary>
    public const string MatrixElements = "BKD221";

    /// <summary>A matrix has more than 12 adjustments.</summary>
    public const string MatrixAdjustments = "BKD222";

    /// <summary>A matrix step creates more than 50 jobs.</summary>
    public const string MatrixJobs = "BKD223";

    /// <summary>A matrix is malformed: both forms at once, a bad dimension name, an adjustment naming an unknown dimension.</summary>
    public const string MatrixShape = "BKD224";

    /// <summary>A block or input field key has characters other than <c>A-Za-z0-9-_</c>, or two fields share a key.</summary>
    public const string FieldKey = "BKD230";

    /// <summary>A select field has no options.</summary>
    public const string SelectWithoutOptions = "BKD231";

    /// <summary>An <c>env</c> value under a secret-like name looks like a literal secret, which agent v4 rejects at upload.</summary>
    public const string LiteralSecret = "BKD240";

    /// <summary>A notification is not allowed where it stands, or its condition uses variables not available there.</summary>
    public const string Notification = "BKD250";

    /// <summary>An <c>if</c> expression is malformed or names a variable Buildkite does not know.</summary>
    public const string InvalidCondition = "BKD251";

    /// <summary>Text cannot be written so that the agent's upload-time interpolation leaves it unchanged.</summary>
    public const string Interpolation = "BKD301";

    /// <summary>An upload-time expansion has a form the agent rejects.</summary>
    public const string InvalidExpansion = "BKD302";

    /// <summary>Text holds a character that YAML and JSON cannot carry (an unpaired surrogate).</summary>
    public const string UnencodableText = "BKD303";

    /// <summary>
    /// A pipeline <c>env</c> value refers, at upload, to a variable that the same <c>env</c> defines only
    /// later; the agent interpolates <c>env</c> in order, so it sees the agent's own value instead.
    /// </summary>
    public const string EnvOrder = "BKD304";

    /// <summary>
    /// A step refers, at upload, to a variable that only its own <c>env</c> defines; step <c>env</c> exists
    /// when the job runs, not at upload.
    /// </summary>
    public const string StepEnvAtUpload = "BKD305";

    /// <summary>A plugin reference is malformed or not pinned to a version.</summary>
    public const string PluginReference = "BKD401";

    /// <summary>A plugin configuration has keys that collide once the agent turns them into environment variables.</summary>
    public const string PluginKeyCollision = "BKD402";

    /// <summary>A plugin configuration breaks the plugin's own schema.</summary>
    public const string PluginConfiguration = "BKD403";

    /// <summary>A plugin configuration holds a value plugins read badly: a <c>null</c> (the agent then gives the plugin no configuration variables) or an empty string inside a list (plugins stop reading the list there).</summary>
    public const string PluginValue = "BKD404";

    /// <summary>The upload creates more than 500 jobs.</summary>
    public const string TooManyJobs = "BKD501";

    /// <summary>
    /// An output of several uploads holds a wait or block step; Buildkite inserts each upload right after the
    /// uploading job, so such a step would also hold back steps of the other uploads.
    /// </summary>
    public const string WaitAcrossUploads = "BKD502";
}
