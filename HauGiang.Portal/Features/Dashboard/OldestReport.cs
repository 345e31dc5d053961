using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>One of the ten oldest reports open at the moment.</summary>
public sealed record OldestReport(string Code, string Category, string? Area, DateTime ReceivedAt, DateTime DueAt, ReportState State);
