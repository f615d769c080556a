using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class MatrixRulesTests
{
    private static MatrixElement[] Values(int count) => Enumerable.Range(0, count).Select(i => (MatrixElement)(long)i).ToArray();

    private static Pipeline WithMatrix(Matrix matrix) => Checks.Of(new CommandStep { Key = "test", Command = "test {{matrix}}", Matrix = matrix });

    [Fact]
    public void Seven_dimensions_are_reported()
    {
        // Given
        var matrix = new Matrix { ["a"] = [1], ["b"] = [1], ["c"] = [1], ["d"] = [1], ["e"] = [1], ["f"] = [1], ["g"] = [1] };

        // When
        var diagnostic = Checks.Single(WithMatrix(matrix), DiagnosticCodes.MatrixDimensions);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("matrix.setup");
        diagnostic.Message.Should().Be("The matrix has 7 dimensions; Buildkite allows at most 6.");
    }

    [Fact]
    public void Six_dimensions_pass()
    {
        // Given
        var matrix = new Matrix { ["a"] = [1], ["b"] = [1], ["c"] = [1], ["d"] = [1], ["e"] = [1], ["f"] = [1] };

        // When, Then
        Checks.Passes(WithMatrix(matrix), DiagnosticCodes.MatrixDimensions);
    }

    [Fact]
    public void A_dimension_of_26_values_is_reported()
    {
        // Given
        var matrix = new Matrix { ["n"] = Values(26) };

        // When
        var diagnostic = Checks.Single(WithMatrix(matrix), DiagnosticCodes.MatrixElements);

        // Then
        diagnostic.Field.Should().Be("matrix.setup.n");
        diagnostic.Message.Should().Be("The matrix dimension 'n' has 26 values; Buildkite allows at most 25 per dimension.");
    }

    [Fact]
    public void A_dimension_without_values_is_reported()
    {
        // Given
        var matrix = new Matrix { ["os"] = ["linux"], ["arch"] = [] };

        // When
        var diagnostic = Checks.Single(WithMatrix(matrix), DiagnosticCodes.MatrixElements);

        // Then
        diagnostic.Message.Should().Be("The matrix dimension 'arch' has no values.");
    }

    [Fact]
    public void A_single_list_of_25_values_passes()
    {
        // Given
        var matrix = Matrix.Create(Values(25));

        // When, Then
        Checks.Passes(WithMatrix(matrix), DiagnosticCodes.MatrixElements);
    }

    [Fact]
    public void Thirteen_adjustments_are_reported()
    {
        // Given
        var matrix = new Matrix
        {
            Values = Values(20),
            Adjustments = Enumerable.Range(0, 13).Select(i => new MatrixAdjustment { With = [(long)i], SoftFail = true }).ToArray(),
        };

        // When
        var diagnostic = Checks.Single(WithMatrix(matrix), DiagnosticCodes.MatrixAdjustments);

        // Then
        diagnostic.Field.Should().Be("matrix.adjustments");
        diagnostic.Message.Should().Be("The matrix has 13 adjustments; Buildkite allows at most 12.");
    }

    [Fact]
    public void Twelve_adjustments_pass()
    {
        // Given
        var matrix = new Matrix
        {
            Values = Values(20),
            Adjustments = Enumerable.Range(0, 12).Select(i => new MatrixAdjustment { With = [(long)i], SoftFail = true }).ToArray(),
        };

        // When, Then
        Checks.Passes(WithMatrix(matrix), DiagnosticCodes.MatrixAdjustments);
    }

    [Fact]
    public void A_matrix_of_51_jobs_counting_added_and_skipped_combinations_is_reported()
    {
        // Given: 5 × 10 = 50, plus two added combinations, minus one skipped.
        var matrix = new Matrix
        {
            ["os"] = ["a", "b", "c", "d", "e"],
            ["n"] = Values(10),
            Adjustments =
            [
                new() { ["os"] = "f", ["n"] = 0 },
                new() { ["os"] = "f", ["n"] = 1 },
                new() { ["os"] = "a", ["n"] = 0, Skip = true },
            ],
        };

        // When
        var diagnostic = Checks.Single(WithMatrix(matrix), DiagnosticCodes.MatrixJobs);

        // Then
        diagnostic.Field.Should().Be("matrix");
        diagnostic.Message.Should().Be("The matrix makes 51 jobs (5 × 10 + 2 added − 1 skipped); Buildkite allows at most 50 per step.");
        diagnostic.Help.Should().Be("Reduce the values, skip combinations with adjustments, or split the step into several steps.");
    }

    [Fact]
    public void A_matrix_of_50_jobs_after_a_skip_passes()
    {
        // Given: 51 combinations, one skipped (with a reason), one soft-failing which adds nothing.
        var matrix = new Matrix
        {
            ["os"] = ["a", "b", "c"],
            ["n"] = Values(17),
            Adjustments = [new() { ["os"] = "a", ["n"] = 3, Skip = "flaky" }, new() { ["os"] = "b", ["n"] = 3, SoftFail = true }],
        };

        // When, Then
        Checks.Passes(WithMatrix(matrix), DiagnosticCodes.MatrixJobs);
    }

    [Fact]
    public void A_matrix_with_both_forms_is_reported()
    {
        // Given
        var matrix = new Matrix { Values = ["x"], ["os"] = ["linux"] };

        // When
        var diagnostic = Checks.Single(WithMatrix(matrix), DiagnosticCodes.MatrixShape);

        // Then
        diagnostic.Field.Should().Be("matrix");
        diagnostic.Message.Should().Be("The matrix has both a list of values and named dimensions; Buildkite takes one or the other.");
    }

    [Fact]
    public void A_dimension_name_with_a_dash_is_reported()
    {
        // Given
        var matrix = new Matrix { ["go-version"] = ["1.24"] };

        // When
        var diagnostic = Checks.Single(WithMatrix(matrix), DiagnosticCodes.MatrixShape);

        // Then
        diagnostic.Field.Should().Be("matrix.setup.go-version");
        diagnostic.Message.Should().Be("The matrix dimension name 'go-version' has characters Buildkite does not allow.");
        diagnostic.Help.Should().Be("Use only letters, digits and '_' in dimension names.");
    }

    [Fact]
    public void An_adjustment_naming_an_unknown_dimension_is_reported_with_a_suggestion()
    {
        // Given
        var matrix = new Matrix { ["arch"] = ["amd64", "arm64"], Adjustments = [new() { ["arc"] = "riscv" }] };

        // When
        var diagnostic = Checks.Single(WithMatrix(matrix), DiagnosticCodes.MatrixShape);

        // Then
        diagnostic.Field.Should().Be("matrix.adjustments[0].with");
        diagnostic.Message.Should().Be("The adjustment names the dimension 'arc', which the matrix does not have.");
        diagnostic.Help.Should().Be("Did you mean 'arch'?");
    }

    [Fact]
    public void A_well_formed_matrix_with_adjustments_passes()
    {
        // Given
        var matrix = new Matrix
        {
            ["os"] = ["linux", "darwin"],
            ["go_version"] = ["1.23", "1.24"],
            Adjustments = [new() { ["os"] = "windows", ["go_version"] = "1.24", SoftFail = true }],
        };

        // When, Then
        Checks.Passes(WithMatrix(matrix), DiagnosticCodes.MatrixShape);
    }
}
