using Buildkite.Dsl.Plugins;
using Buildkite.Dsl;
using Scion.Pipeline.Shared;

namespace Scion.Pipeline.Steps;

/// <summary>
/// The steps that build SCION, package it and run its unit tests: the first part of the full pipeline.
/// </summary>
public static class BazelSteps
{
    private static readonly EnvVar Version = Env.Upload("SCION_VERSION");

    /// <summary>Minutes after which the build is cancelled.</summary>
    public const int BuildTimeoutInMinutes = 10;

    /// <summary>Minutes after which a test step is cancelled.</summary>
    public const int TestTimeoutInMinutes = 20;

    /// <summary>Minutes after which the release acceptance test is cancelled.</summary>
    public const int ReleaseAcceptanceTimeoutInMinutes = 30;

    /// <summary>
    /// "Build :bazel:" (key <c>build</c>): builds SCION and its test tools and uploads both as archives named
    /// after <c>${SCION_VERSION}</c>, which the agent fills in at upload.
    /// </summary>
    public static CommandStep Build { get; } = new()
    {
        Label = "Build :bazel:",
        Key = "build",
        Commands =
        [
            "bazel build --verbose_failures --announce_rc //:scion //:scion-ci",
            "bazel build --verbose_failures //docker:prod //docker:test",
        ],
        ArtifactPaths =
        [
            $"scion_{Version}_amd64_linux.tar.gz",
            $"scion-ci_{Version}_amd64_linux.tar.gz",
        ],
        Plugins =
        [
            new MetahookPlugin
            {
                PreArtifact = Shell.Lines(
                    $"gzip --to-stdout bazel-bin/scion.tar > scion_{Version}_amd64_linux.tar.gz",
                    $"gzip --to-stdout bazel-bin/scion-ci.tar > scion-ci_{Version}_amd64_linux.tar.gz"),
                PostArtifact = Shell.Lines(
                    "cat << EOF | buildkite-agent annotate --style \"info\" --context \"binaries\"",
                    "#### Build outputs",
                    $"- <a href=\"artifact://scion_{Version}_amd64_linux.tar.gz\">SCION binaries</a>",
                    $"- <a href=\"artifact://scion-ci_{Version}_amd64_linux.tar.gz\">SCION test tools and utilities</a>",
                    "EOF"),
            },
        ],
        Retry = ScionRetry.Automatic,
        TimeoutInMinutes = BuildTimeoutInMinutes,
    };

    /// <summary>
    /// "Package :debian: :openwrt: :rpm:" (key <c>dist</c>): builds the Debian, OpenWrt and RPM packages and
    /// uploads them as one archive per format and architecture.
    /// </summary>
    public static CommandStep Package { get; } = new()
    {
        Label = "Package :debian: :openwrt: :rpm:",
        Key = "dist",
        Command = Shell.Lines(
            $"make dist-deb BFLAGS=\"--file_name_version={Version}\"",
            $"make dist-openwrt BFLAGS=\"--file_name_version={Version}\"",
            $"make dist-rpm BFLAGS=\"--file_name_version={Version}\""),
        ArtifactPaths = ["installables/scion_*.tar.gz"],
        Plugins =
        [
            new MetahookPlugin
            {
                PreArtifact = Shell.Lines(
                    "set -x",
                    "pushd installables",
                    $"tar -chaf scion_{Version}_deb_amd64.tar.gz *_{Version}_amd64.deb",
                    $"tar -chaf scion_{Version}_deb_arm64.tar.gz *_{Version}_arm64.deb",
                    $"tar -chaf scion_{Version}_deb_i386.tar.gz *_{Version}_i386.deb",
                    $"tar -chaf scion_{Version}_deb_armel.tar.gz *_{Version}_armel.deb",
                    $"tar -chaf scion_{Version}_openwrt_x86_64.tar.gz *_{Version}_x86_64.ipk",
                    $"tar -chaf scion_{Version}_rpm_x86_64.tar.gz *_{Version}_x86_64.rpm",
                    // Upstream packs the x86_64 RPM under every RPM architecture's name; kept as it is.
                    $"tar -chaf scion_{Version}_rpm_arm64.tar.gz *_{Version}_x86_64.rpm",
                    $"tar -chaf scion_{Version}_rpm_i386.tar.gz *_{Version}_x86_64.rpm",
                    $"tar -chaf scion_{Version}_rpm_armel.tar.gz *_{Version}_x86_64.rpm",
                    "popd",
                    "ls installables"),
                PostArtifact = Shell.Lines(
                    "cat << EOF | buildkite-agent annotate --style \"info\" --context \"packages\"",
                    "#### Packages :debian:",
                    PackageLink("deb_amd64", "amd64"),
                    PackageLink("deb_arm64", "arm64"),
                    PackageLink("deb_i386", "i386"),
                    PackageLink("deb_armel", "armel"),
                    "#### Packages :openwrt:",
                    PackageLink("openwrt_x86_64", "x86_64"),
                    "#### Packages :rpm:",
                    PackageLink("rpm_x86_64", "x86_64"),
                    PackageLink("rpm_arm64", "arm64"),
                    PackageLink("rpm_i386", "i386"),
                    PackageLink("rpm_armel", "armel"),
                    "EOF"),
            },
        ],
        Retry = ScionRetry.Automatic,
    };

    /// <summary>
    /// "Release Acceptance :debian: :openwrt: :rpm:" (key <c>release_acceptance</c>): installs the release
    /// packages of <see cref="Package"/> and starts the services from them. Expensive, so it runs for tagged
    /// builds only (<c>if: build.tag != null</c>).
    /// </summary>
    /// <remarks>
    /// The per-pull-request steps never install the packages, which is how broken v0.15.0 packages shipped
    /// (scionproto/scion#4960).
    /// </remarks>
    public static CommandStep ReleaseAcceptance { get; } = new()
    {
        Label = "Release Acceptance :debian: :openwrt: :rpm:",
        Key = "release_acceptance",
        If = "build.tag != null",
        Commands = [$"make dist-test-release BFLAGS=\"--file_name_version={Version}\""],
        DependsOn = [Package],
        Plugins = [ScionHooks.CleanTestLogs],
        ArtifactPaths = ScionArtifacts.BazelTest,
        Retry = ScionRetry.Automatic,
        TimeoutInMinutes = ReleaseAcceptanceTimeoutInMinutes,
    };

    /// <summary>"Unit Tests :bazel:" (key <c>unit_tests</c>): every unit test, with the race detector.</summary>
    public static CommandStep UnitTests { get; } = new()
    {
        Label = "Unit Tests :bazel:",
        Key = "unit_tests",
        Commands = ["bazel test --config=race --config=unit_all"],
        Plugins = [ScionHooks.TestLogs],
        ArtifactPaths = ScionArtifacts.BazelTest,
        Retry = ScionRetry.Automatic,
        TimeoutInMinutes = TestTimeoutInMinutes,
    };

    private static string PackageLink(string name, string text) =>
        $"- <a href=\"artifact://installables/scion_{Version}_{name}.tar.gz\">{text}</a>";
}
