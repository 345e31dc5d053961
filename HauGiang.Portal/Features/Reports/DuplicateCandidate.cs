using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Reports;

public sealed record DuplicateCandidate(long Id, string Code, string Description, ReportState State, int DistanceMetres, DateTime ReceivedAt);
