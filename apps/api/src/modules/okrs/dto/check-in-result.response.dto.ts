import { ApiProperty } from '@nestjs/swagger';
import { CheckInResponseDto } from './check-in.response.dto';
import { KeyResultResponseDto } from './key-result.response.dto';
import { OkrProgressResponseDto } from './okr-progress.response.dto';

export class CheckInResultResponseDto {
  @ApiProperty({ type: CheckInResponseDto }) checkIn!: CheckInResponseDto;
  @ApiProperty({ type: KeyResultResponseDto }) keyResult!: KeyResultResponseDto;
  @ApiProperty({ type: OkrProgressResponseDto }) okr!: OkrProgressResponseDto;
}
