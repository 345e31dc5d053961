using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Reports_ClosedAt_ResolvedAt_ReceivedAt",
                table: "Reports",
                columns: new[] { "ClosedAt", "ResolvedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ResolvedAt_ReceivedAt",
                table: "Reports",
                columns: new[] { "ResolvedAt", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_ClosedAt_ResolvedAt_ReceivedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_ResolvedAt_ReceivedAt",
                table: "Reports");
        }
    }
}
