using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenReportsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports",
                columns: new[] { "DueAt", "Id", "State", "ReceivedAt", "CategoryId", "AreaId", "UnitId", "AssignedOfficerId", "FirstActionAt", "ResolvedAt", "ClosedAt", "Rating" },
                filter: "\"State\" IN (0, 1)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports");
        }
    }
}
