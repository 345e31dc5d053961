using System.Text.Json.Serialization;
using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>Extension: the citizen's rating of a resolved request (documented in OpenAPI, bound from the form).</summary>
public sealed class RatingForm
{
    [JsonPropertyName("api_key")] public string ApiKey { get; set; } = "";

    /// <summary>satisfied, acceptable or not_satisfied (the last reopens the request).</summary>
    [JsonPropertyName("rating")] public string Rating { get; set; } = "";

    [JsonPropertyName("comment")] public string? Comment { get; set; }

    /// <summary>The rating given, or null when it is none of the three.</summary>
    [JsonIgnore]
    public CitizenRating? Value => Rating switch
    {
        "satisfied" => CitizenRating.Satisfied,
        "acceptable" => CitizenRating.Acceptable,
        "not_satisfied" => CitizenRating.NotSatisfied,
        _ => null,
    };

    /// <summary>Reads the form of a known client only (without one the answer is a 403, <see cref="ApiKeyRequiredFilter"/>).</summary>
    public static async ValueTask<RatingForm> BindAsync(HttpContext http)
    {
        if (ApiKeyMiddleware.ClientOf(http) is null || !http.Request.HasFormContentType)
        {
            return new RatingForm();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return new RatingForm { Rating = form["rating"].FirstOrDefault() ?? "", Comment = form["comment"].FirstOrDefault() };
    }
}
