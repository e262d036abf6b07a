import { ApiProperty } from '@nestjs/swagger';
import { KeyResultResponseDto } from './key-result.response.dto';

// Every key result of an OKR, oldest first; an OKR has few, so the list is not paged.
export class KeyResultListResponseDto {
  @ApiProperty({ type: [KeyResultResponseDto] }) data!: KeyResultResponseDto[];
}
