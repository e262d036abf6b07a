import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/pagination/page';
import { KeyResultCheckIn } from '../entities/key-result-check-in.entity';

export class CheckInResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) keyResultId!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) confidence!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ description: 'The subject of the token that recorded it' }) author!: string;
  @ApiProperty({ format: 'date-time' }) checkedInAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(c: KeyResultCheckIn): CheckInResponseDto {
    return {
      id: c.id,
      keyResultId: c.keyResultId,
      value: c.value,
      confidence: c.confidence,
      note: c.note,
      author: c.author,
      checkedInAt: c.checkedInAt.toISOString(),
      createdAt: c.createdAt.toISOString(),
    };
  }
}

export const CheckInPageResponseDto = PageOf(CheckInResponseDto, 'CheckInPage');
