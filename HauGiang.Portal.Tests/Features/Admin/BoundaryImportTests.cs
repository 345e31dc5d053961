using HauGiang.Portal.Features.Admin;
using static HauGiang.Portal.Tests.Features.Admin.AdminTestData;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Admin;

/// <summary>Reading a boundary file: what matches, what does not and why; nothing can be applied unless all match.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class BoundaryImportTests
{
    private static readonly Dictionary<string, (int Id, string Name)> Areas = new()
    {
        ["31321"] = (1, "Phường Vị Thanh"),
        ["31340"] = (2, "Phường Ngã Bảy"),
    };

    [Theory]
    [InlineData("code")]
    [InlineData("ma")]
    [InlineData("ma_xa")]
    [InlineData("id")]
    [InlineData("MA_XA")]
    public void A_feature_is_matched_by_its_official_code_in_any_accepted_property(string property)
    {
        var preview = BoundaryImport.Parse(Collection(Feature(property, "31321", Square(9.783, 105.467, 0.02))), Areas);
        Assert.True(preview.CanApply);
        var f = Assert.Single(preview.Features);
        Assert.Equal(BoundaryFeatureStatus.Matched, f.Status);
        Assert.Equal(1, f.AreaId);
        Assert.Equal("Polygon", f.GeometryType);
        Assert.Equal(5, f.PointCount);
    }

    [Fact]
    public void A_numeric_code_and_a_multipolygon_are_accepted()
    {
        var multi = "[" + Square(9.816, 105.82, 0.01) + "," + Square(9.85, 105.85, 0.01) + "]";
        var json = Collection("""{"type":"Feature","properties":{"ma":31340},"geometry":{"type":"MultiPolygon","coordinates":""" + multi + "}}");
        var preview = BoundaryImport.Parse(json, Areas);
        Assert.True(preview.CanApply);
        Assert.Equal("MultiPolygon", preview.Features[0].GeometryType);
    }

    [Fact]
    public void An_unknown_code_blocks_the_whole_file_and_says_which()
    {
        var preview = BoundaryImport.Parse(Collection(
            Feature("code", "31321", Square(9.783, 105.467, 0.02)),
            Feature("code", "99999", Square(9.9, 105.6, 0.02))), Areas);

        Assert.False(preview.CanApply);
        Assert.Equal(1, preview.Matched);
        var bad = preview.Features[1];
        Assert.Equal(BoundaryFeatureStatus.UnknownCode, bad.Status);
        Assert.Equal("Import.Reason.UnknownCode", bad.ReasonKey);
        Assert.Equal("99999", bad.Detail);
    }

    [Fact]
    public void A_self_intersecting_polygon_is_invalid_with_the_reason_and_where()
    {
        var preview = BoundaryImport.Parse(Collection(Feature("code", "31321", BowTie(9.783, 105.467))), Areas);
        var f = Assert.Single(preview.Features);
        Assert.Equal(BoundaryFeatureStatus.InvalidGeometry, f.Status);
        Assert.Equal("Import.Reason.InvalidShape", f.ReasonKey);
        Assert.Contains("Self-intersection", f.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.False(preview.CanApply);
    }

    [Fact]
    public void Swapped_latitude_and_longitude_or_another_projection_are_caught()
    {
        var swapped = "[[[9.76,105.44],[9.80,105.44],[9.80,105.49],[9.76,105.49],[9.76,105.44]]]";
        Assert.Equal("Import.Reason.OutOfRange", BoundaryImport.Parse(Collection(Feature("code", "31321", swapped)), Areas).Features[0].ReasonKey);

        var paris = Square(48.85, 2.35, 0.05);
        Assert.Equal("Import.Reason.OutsideVietnam", BoundaryImport.Parse(Collection(Feature("code", "31321", paris)), Areas).Features[0].ReasonKey);
    }

    [Theory]
    [InlineData("""{"type":"Feature","properties":{"code":"31321"},"geometry":{"type":"Point","coordinates":[105.4,9.7]}}""", "Import.Reason.NotPolygon")]
    [InlineData("""{"type":"Feature","properties":{"code":"31321"},"geometry":null}""", "Import.Reason.NoGeometry")]
    [InlineData("""{"type":"Feature","properties":{"code":"31321"},"geometry":{"type":"Polygon","coordinates":[[[105.4,9.7],[105.5,9.7],[105.5,9.8]]]}}""", "Import.Reason.Unreadable")]
    [InlineData("""{"type":"Feature","properties":{"name":"no code"},"geometry":{"type":"Polygon","coordinates":[[[105.4,9.7],[105.5,9.7],[105.5,9.8],[105.4,9.7]]]}}""", "Import.Reason.MissingCode")]
    public void Each_bad_feature_gets_its_own_reason(string feature, string reason)
    {
        var preview = BoundaryImport.Parse(Collection(feature), Areas);
        Assert.Equal(reason, Assert.Single(preview.Features).ReasonKey);
        Assert.False(preview.CanApply);
    }

    [Fact]
    public void The_same_code_twice_is_refused()
    {
        var preview = BoundaryImport.Parse(Collection(
            Feature("code", "31321", Square(9.783, 105.467, 0.02)),
            Feature("code", "31321", Square(9.783, 105.467, 0.01))), Areas);
        Assert.Equal(BoundaryFeatureStatus.DuplicateCode, preview.Features[1].Status);
        Assert.False(preview.CanApply);
    }

    [Theory]
    [InlineData("{ \"type\": \"FeatureCollection\", \"features\": [ {", "Import.Error.NotJson")]
    [InlineData("not json at all", "Import.Error.NotJson")]
    [InlineData("""{"type":"Feature","properties":{},"geometry":null}""", "Import.Error.NotFeatureCollection")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "Import.Error.NoFeatures")]
    [InlineData("[1,2,3]", "Import.Error.NotFeatureCollection")]
    public void A_malformed_file_is_refused_as_a_whole_with_a_clear_error(string json, string error)
    {
        var preview = BoundaryImport.Parse(json, Areas);
        Assert.Equal(error, preview.ErrorKey);
        Assert.Empty(preview.Features);
        Assert.False(preview.CanApply);
    }
}
